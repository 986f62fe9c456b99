package io.escrowkit.iso8583.functional;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ServerChannel;
import org.jpos.util.ThreadPool;

/**
 * A host that is not ours: a jPOS 2.1.9 {@code ISOServer} on a free loopback port, answering each
 * request with what {@link Answers} makes of it (or nothing), and keeping a copy of every request
 * it received. For tests of the transport against a third-party peer.
 */
final class JposHost implements AutoCloseable {
  /** The host's answer to a request; empty for none (a host that hung). */
  interface Answers {
    Optional<ISOMsg> to(ISOMsg request) throws ISOException;
  }

  private final BlockingQueue<ISOMsg> received = new LinkedBlockingQueue<>();
  private final ISOServer server;
  private final Thread thread;
  private final int port;

  private JposHost(ServerChannel channel, Answers answers) throws IOException {
    port = freePort();
    server = new ISOServer(port, channel, new ThreadPool(1, 8));
    try {
      server.setConfiguration(new SimpleConfiguration()); // its shutdown reads the configuration
    } catch (ConfigurationException e) {
      throw new IllegalStateException("jPOS refused an empty configuration", e);
    }
    server.addISORequestListener((source, request) -> {
      received.add((ISOMsg) request.clone());
      try {
        Optional<ISOMsg> answer = answers.to(request);
        if (answer.isPresent()) {
          source.send(answer.get());
        }
      } catch (ISOException | IOException e) {
        throw new IllegalStateException("the jPOS host could not answer", e);
      }
      return true;
    });
    thread = new Thread(server, "jpos-host");
    thread.setDaemon(true);
    thread.start();
  }

  static JposHost start(ServerChannel channel, Answers answers) throws IOException {
    return new JposHost(channel, answers);
  }

  int port() {
    return port;
  }

  /** The next request the host received, waiting up to 20 s for it. */
  ISOMsg next() throws InterruptedException {
    ISOMsg next = received.poll(20, TimeUnit.SECONDS);
    assertThat(next).as("a request at the jPOS host").isNotNull();
    return next;
  }

  private static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    thread.join(TimeUnit.SECONDS.toMillis(10));
  }
}
