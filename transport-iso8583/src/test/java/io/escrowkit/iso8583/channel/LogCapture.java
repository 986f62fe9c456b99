package io.escrowkit.iso8583.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what a logger (and its children) writes, at DEBUG and up, while open. */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final Level before;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String name) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.before = logger.getLevel();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  /** Captures {@code name} and the loggers below it. */
  public static LogCapture of(String name) {
    return new LogCapture(name);
  }

  /** The formatted messages so far, with any exception's text. */
  public synchronized List<String> messages() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      String text = event.getFormattedMessage();
      if (event.getThrowableProxy() != null) {
        text += " " + event.getThrowableProxy().getMessage();
      }
      out.add(text);
    }
    return out;
  }

  /** The formatted messages logged at WARN or above. */
  public synchronized List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
        out.add(event.getFormattedMessage());
      }
    }
    return out;
  }

  /** Everything captured as one text. */
  public String text() {
    return String.join("\n", messages());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(before);
  }
}
