package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.layer.RowTasks;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Chunks claimed by whichever thread is free: every row once per split, and no wait for a held-up thread. */
class ParallelRowSplitterTests {

    private static final int HEAVY = (int) ParallelRowSplitter.MIN_WORK;

    @Test
    void everyRowRunsOnceInEverySplitAtAnyThreadCount() {
        for (int threads = 2; threads <= 4; threads++) {
            try (ParallelRowSplitter splitter = new ParallelRowSplitter(threads, ParallelRowSplitter.TRAINING_SPINS)) {
                for (int rows : new int[] {2, 3, 10, 97, 1000}) {
                    for (int round = 0; round < 50; round++) {
                        AtomicIntegerArray runs = new AtomicIntegerArray(rows);
                        splitter.split(rows, HEAVY, (from, to) -> {
                            for (int s = from; s < to; s++) {
                                runs.incrementAndGet(s);
                            }
                        });
                        int[] once = new int[rows];
                        java.util.Arrays.fill(once, 1);
                        int[] seen = new int[rows];
                        for (int s = 0; s < rows; s++) {
                            seen[s] = runs.get(s);
                        }
                        assertArrayEquals(once, seen, threads + " threads, " + rows + " rows");
                    }
                }
            }
        }
    }

    @Test
    void theCallerDoesTheChunksOfAWorkerThatIsHeldUp() throws InterruptedException {
        try (ParallelRowSplitter splitter = new ParallelRowSplitter(2, ParallelRowSplitter.TRAINING_SPINS)) {
            int rows = 100;
            int chunks = 2 * ParallelRowSplitter.CHUNKS_PER_THREAD;
            AtomicInteger callerChunks = new AtomicInteger();
            AtomicInteger workerChunks = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            splitter.split(rows, HEAVY, new RowTasks.RangeTask() {
                @Override
                public void run(int from, int to) {
                    throw new AssertionError("the splitter says which thread part runs a chunk");
                }

                @Override
                public void run(int part, int from, int to) {
                    if (part == 0) {
                        callerChunks.incrementAndGet();
                        return;
                    }
                    // the worker, as if another process held its core: its first chunk takes long
                    workerChunks.incrementAndGet();
                    try {
                        release.await(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            release.countDown();
            assertEquals(chunks, callerChunks.get() + workerChunks.get());
            assertTrue(workerChunks.get() <= 1, "the held-up worker ran " + workerChunks.get() + " chunks");
        }
    }

    @Test
    void aWorkersFailureIsThrownByTheCallerAndTheNextSplitRuns() {
        try (ParallelRowSplitter splitter = new ParallelRowSplitter(2, ParallelRowSplitter.TRAINING_SPINS)) {
            IllegalStateException boom = new IllegalStateException("boom");
            RuntimeException thrown = assertThrows(IllegalStateException.class, () -> splitter.split(100, HEAVY,
                    new RowTasks.RangeTask() {
                        @Override
                        public void run(int from, int to) {
                        }

                        @Override
                        public void run(int part, int from, int to) {
                            if (from == 0) {
                                throw boom;
                            }
                        }
                    }));
            assertSame(boom, thrown);
            AtomicInteger rowsRun = new AtomicInteger();
            splitter.split(100, HEAVY, (from, to) -> rowsRun.addAndGet(to - from));
            assertEquals(100, rowsRun.get());
        }
    }

    @Test
    void afterAWindowInWhichTheWorkersRanTooLittleTheCallerGoesAloneForAWhile() {
        try (ParallelRowSplitter splitter = new ParallelRowSplitter(2, ParallelRowSplitter.TRAINING_SPINS)) {
            for (int i = 0; i < ParallelRowSplitter.WINDOW; i++) {
                // as if every split's chunks had all been the caller's: the worker's core is busy
                splitter.judgeShare(8, 1);
            }
            AtomicInteger calls = new AtomicInteger();
            for (int i = 0; i < ParallelRowSplitter.ALONE_SPLITS; i++) {
                calls.set(0);
                splitter.split(100, HEAVY, (from, to) -> {
                    assertEquals(0, from);
                    assertEquals(100, to);
                    calls.incrementAndGet();
                });
                assertEquals(1, calls.get(), "split " + i + " runs whole on the caller");
            }
            calls.set(0);
            splitter.split(100, HEAVY, (from, to) -> calls.incrementAndGet());
            assertEquals(2 * ParallelRowSplitter.CHUNKS_PER_THREAD, calls.get(), "then the workers are tried again");
        }
    }

    @Test
    void aWorkerThatDoesItsShareKeepsTheSplitParallel() {
        try (ParallelRowSplitter splitter = new ParallelRowSplitter(2, ParallelRowSplitter.TRAINING_SPINS)) {
            for (int i = 0; i < ParallelRowSplitter.WINDOW; i++) {
                splitter.judgeShare(8, 2);
            }
            AtomicInteger calls = new AtomicInteger();
            splitter.split(100, HEAVY, (from, to) -> calls.incrementAndGet());
            assertEquals(2 * ParallelRowSplitter.CHUNKS_PER_THREAD, calls.get());
        }
    }

    @Test
    void lightWorkRunsOnTheCallerAlone() {
        try (ParallelRowSplitter splitter = new ParallelRowSplitter(2, ParallelRowSplitter.TRAINING_SPINS)) {
            Thread caller = Thread.currentThread();
            AtomicInteger elsewhere = new AtomicInteger();
            splitter.split(10, 10, (from, to) -> {
                if (Thread.currentThread() != caller) {
                    elsewhere.incrementAndGet();
                }
            });
            assertEquals(0, elsewhere.get());
        }
    }
}
