package org.knowledgehub.sparql;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.knowledgehub.Problems;
import org.knowledgehub.security.Caller;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The SPARQL workers: a fixed number of threads with a bounded wait queue (503 with Retry-After
 * when both are full), and a cap on the queries one caller may have running or waiting (429 with
 * Retry-After): anonymous callers are counted by client address, signed-in ones by name.
 */
@Component
class SparqlPool implements DisposableBean {

    /** Known and large, so that the nesting limit (not the JVM's default) decides what is too deep. */
    private static final long STACK_BYTES = 16L * 1024 * 1024;

    private final SparqlProperties properties;
    private final ThreadPoolExecutor workers;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    SparqlPool(SparqlProperties properties) {
        this.properties = properties;
        AtomicInteger count = new AtomicInteger();
        BlockingQueue<Runnable> queue = properties.queue() > 0 ? new ArrayBlockingQueue<>(properties.queue()) : new SynchronousQueue<>();
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS, queue,
                r -> {
                    Thread t = new Thread(null, r, "sparql-" + count.incrementAndGet(), STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs {@code work} on a worker for {@code caller}, waiting for its answer. */
    <T> T run(Caller caller, String address, Supplier<T> work) {
        boolean anonymous = caller.isAnonymous();
        String who = anonymous ? "address " + address : "caller " + caller.name();
        int limit = anonymous ? properties.perAddress() : properties.perCaller();
        if (inFlight.merge(who, 1, Integer::sum) > limit) {
            release(who);
            throw Problems.busy(true, "you already have " + limit + " SPARQL queries running or waiting (kh.sparql."
                            + (anonymous ? "per-address" : "per-caller") + "); retry after the seconds in Retry-After",
                    properties.retryAfter());
        }
        try {
            long queuedAt = System.nanoTime();
            Future<T> answer;
            try {
                answer = workers.submit(() -> {
                    if (System.nanoTime() - queuedAt > properties.timeout().toNanos()) {
                        throw busy("the query waited longer than " + properties.timeout().toSeconds() + " s for a SPARQL worker");
                    }
                    try {
                        return work.get();
                    } catch (StackOverflowError e) {
                        throw Problems.badQuery("query", "the query nests too deeply to evaluate; at most kh.sparql.max-depth ("
                                + properties.maxDepth() + ") levels are allowed");
                    }
                });
            } catch (RejectedExecutionException e) {
                throw busy("all " + properties.workers() + " SPARQL workers are busy and " + properties.queue()
                        + " queries are waiting (kh.sparql.workers, kh.sparql.queue)");
            }
            return await(answer);
        } finally {
            release(who);
        }
    }

    private static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw Problems.unavailable("the request was interrupted while its SPARQL query ran");
        }
    }

    private void release(String who) {
        inFlight.computeIfPresent(who, (k, n) -> n <= 1 ? null : n - 1);
    }

    private ErrorResponseException busy(String detail) {
        return Problems.busy(false, detail + "; retry after the seconds in Retry-After", properties.retryAfter());
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
