package dev.nn.dashboard;

import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingFinished;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs training in this process, heard from their training events: an event stream of such a run
 * wakes as an epoch finishes instead of reading the run's files.
 */
final class LiveRuns {

    /** One run's epochs so far and whether it ended. */
    static final class Feed {
        private final List<EpochRecord> records = new ArrayList<>();
        private boolean ended;

        synchronized void add(EpochRecord r) {
            records.add(r);
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Waits up to {@code millis} for epochs after {@code after} or the end; returns those epochs. */
        synchronized List<EpochRecord> after(int after, long millis) throws InterruptedException {
            if (newer(after).isEmpty() && !ended) {
                wait(millis);
            }
            return newer(after);
        }

        synchronized boolean ended() {
            return ended;
        }

        private List<EpochRecord> newer(int after) {
            List<EpochRecord> list = new ArrayList<>();
            for (EpochRecord r : records) {
                if (r.epoch() > after) {
                    list.add(r);
                }
            }
            return list;
        }
    }

    private final Map<Path, Feed> feeds = new ConcurrentHashMap<>();

    /** Returns the feed of {@code dir} if a run there trains in this process. */
    Feed feed(Path dir) {
        return feeds.get(dir.toAbsolutePath().normalize());
    }

    /** Returns a listener that feeds the run in {@code dir} from its history as each epoch finishes. */
    TrainingListener follow(Path dir, Supplier<History> history) {
        Feed feed = new Feed();
        for (EpochRecord r : history.get().records()) {
            feed.add(r);
        }
        feeds.put(dir.toAbsolutePath().normalize(), feed);
        return new TrainingListener() {
            @Override
            public void epochDone(EpochDone event, TrainingControl control) {
                EpochRecord last = history.get().last();
                if (last != null && last.epoch() == event.epoch()) {
                    feed.add(last);
                }
            }

            @Override
            public void trainingFinished(TrainingFinished event) {
                feed.end();
            }
        };
    }

    /** Ends every feed, so that their streams close. */
    void endAll() {
        feeds.values().forEach(Feed::end);
    }
}
