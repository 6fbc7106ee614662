package dev.nn.train;

/**
 * A listener threw while handling an event; training went on.
 *
 * @param listener the listener's class name
 * @param event the event's name, such as {@code epochDone(epoch 3)}
 * @param error the exception
 */
public record ListenerFailure(String listener, String event, RuntimeException error) {
}
