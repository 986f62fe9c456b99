package io.escrowkit.device.simulated;

import io.escrowkit.device.DeviceComponent;
import io.escrowkit.device.Display;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A display that records what it shows and answers questions from a script: {@link #answer queued}
 * answers first, then the {@link #answerByDefault default} if set; with neither, a question times
 * out at once. Threadsafe.
 */
public final class SimulatedDisplay extends SimulatedComponent implements Display {

  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<String> questions = new CopyOnWriteArrayList<>();
  private final Script<Boolean> answers = new Script<>();

  SimulatedDisplay() {
    super(DeviceComponent.DISPLAY);
  }

  /** Queues answers to the next questions: true confirms, false cancels. */
  public void answer(boolean... nextAnswers) {
    for (boolean next : nextAnswers) {
      answers.add(next);
    }
  }

  /** The answer given whenever no queued answer is left. */
  public void answerByDefault(boolean answer) {
    answers.fallback(answer);
  }

  @Override
  public void show(String message) {
    Objects.requireNonNull(message, "message");
    beforeCall("show");
    messages.add(message);
  }

  @Override
  public boolean confirm(String question, Duration timeout) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(timeout, "timeout");
    beforeCall("confirm");
    questions.add(question);
    return answers.next().orElseThrow(() -> nothingScripted("answer", timeout));
  }

  /** Every message shown, oldest first. */
  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** The message on screen now, if any. */
  public Optional<String> currentMessage() {
    List<String> shown = messages();
    return shown.isEmpty() ? Optional.empty() : Optional.of(shown.get(shown.size() - 1));
  }

  /** Every question asked, oldest first. */
  public List<String> questions() {
    return List.copyOf(questions);
  }
}
