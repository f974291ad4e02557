package io.incentivelab.notebook;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands the {@link NotebookRunEvent}s that {@link NotebookRunner} publishes to the listeners of their notebook (the
 * views showing it). Listeners are called on the thread that published, never the UI's: a view applies what it is
 * told with {@code ui.access} and removes its listener when it leaves the page.
 */
@Component
public class NotebookRunListeners {

    private static final Logger log = LoggerFactory.getLogger(NotebookRunListeners.class);
    private final Map<String, Set<Consumer<NotebookRunEvent>>> byNotebook = new ConcurrentHashMap<>();

    /**
     * Listens to the runs of one notebook.
     *
     * @return the handle that removes the listener
     */
    public Runnable subscribe(String notebookId, Consumer<NotebookRunEvent> listener) {
        byNotebook.compute(notebookId, (id, set) -> {
            Set<Consumer<NotebookRunEvent>> s = set == null ? new CopyOnWriteArraySet<>() : set;
            s.add(listener);
            return s;
        });
        return () -> byNotebook.computeIfPresent(notebookId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @EventListener
    void on(NotebookRunEvent event) {
        for (Consumer<NotebookRunEvent> l : byNotebook.getOrDefault(event.notebookId(), Set.of())) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // one view that cannot take it (its session closed) does not stop the run or the other views
                log.debug("a listener of notebook {} failed on {}", event.notebookId(), event, e);
            }
        }
    }
}
