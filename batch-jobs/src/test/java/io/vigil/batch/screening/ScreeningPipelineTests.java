package io.vigil.batch.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The screening step's read-ahead reader: items reach the step in file order, processed; the counts a commit saves
 * are those of the items handed to the step, however far the reading ran ahead; a restart resumes after them; a
 * failure reaches the step at its item.
 */
class ScreeningPipelineTests {

    private static final int ROWS = 1_000;

    private final ThreadPoolTaskExecutor executor = executor();
    private final AtomicInteger itemsReadFromFile = new AtomicInteger();

    @AfterEach
    void shutdown() {
        executor.shutdown();
    }

    @Test
    void handsOutEveryItemInFileOrder_processed_andCountsOnlyWhatItHandedOut() throws Exception {
        var pipeline = new ScreeningPipeline(reader(-1), this::screen, executor, 200);
        var context = new ExecutionContext();
        pipeline.open(context);
        List<ScreenedItem> firstChunk = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            firstChunk.add(pipeline.read());
        }
        waitUntilReadAhead(100 + ScreeningPipeline.BATCH);
        pipeline.update(context);

        // the reading ran ahead of the step, but only the 100 items handed out are counted
        assertThat(itemsReadFromFile.get()).isGreaterThan(100);
        assertThat(context.getLong(InputItemReader.ITEMS)).isEqualTo(100);
        assertThat(context.getLong(InputItemReader.REJECTED)).isEqualTo(10); // every 10th row is rejected
        assertThat(context.getLong(InputItemReader.RECORDS)).isEqualTo(90);
        assertThat(firstChunk).extracting(s -> s.item().line()).containsExactlyElementsOf(lines(1, 100));
        assertThat(firstChunk.get(1).idFingerprint()).isEqualTo(2); // processed: the line, as the test's "screen" sets
        assertThat(firstChunk.get(9).item()).isInstanceOf(InputItem.Rejected.class);

        List<ScreenedItem> rest = new ArrayList<>();
        ScreenedItem item;
        while ((item = pipeline.read()) != null) {
            rest.add(item);
        }
        assertThat(pipeline.read()).isNull();
        pipeline.update(context);
        pipeline.close();
        assertThat(rest).extracting(s -> s.item().line()).containsExactlyElementsOf(lines(101, ROWS));
        assertThat(context.getLong(InputItemReader.ITEMS)).isEqualTo(ROWS);
    }

    @Test
    void closedMidRun_restartResumesAfterTheItemsHandedOut() throws Exception {
        var context = new ExecutionContext();
        var first = new ScreeningPipeline(reader(-1), this::screen, executor, 200);
        first.open(context);
        for (int i = 0; i < 300; i++) {
            first.read();
        }
        first.update(context); // the commit point
        for (int i = 0; i < 50; i++) {
            first.read(); // read but never committed
        }
        first.close();

        var restart = new ScreeningPipeline(reader(-1), this::screen, executor, 200);
        var saved = new ExecutionContext(context);
        restart.open(saved);
        List<Long> lines = new ArrayList<>();
        ScreenedItem item;
        while ((item = restart.read()) != null) {
            lines.add(item.item().line());
        }
        restart.update(saved);
        restart.close();
        assertThat(lines).containsExactlyElementsOf(lines(301, ROWS));
        assertThat(saved.getLong(InputItemReader.ITEMS)).isEqualTo(ROWS);
    }

    @Test
    void aFailureWhileReadingReachesTheStepAfterTheItemsBeforeIt() throws Exception {
        var pipeline = new ScreeningPipeline(reader(500), this::screen, executor, 200);
        pipeline.open(new ExecutionContext());
        for (int i = 1; i < 500; i++) {
            assertThat(pipeline.read().item().line()).isEqualTo(i);
        }
        assertThatThrownBy(pipeline::read).isInstanceOf(IOException.class).hasMessage("disk gone at line 500");
        pipeline.close();
    }

    @Test
    void aFailureWhileProcessingReachesTheStepAtItsItem() throws Exception {
        var pipeline = new ScreeningPipeline(reader(-1), item -> {
            if (item.line() == 700) {
                throw new IllegalStateException("cannot screen line 700");
            }
            return screen(item);
        }, executor, 200);
        pipeline.open(new ExecutionContext());
        for (int i = 1; i < 700; i++) {
            assertThat(pipeline.read().item().line()).isEqualTo(i);
        }
        assertThatThrownBy(pipeline::read).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot screen line 700");
        pipeline.close();
    }

    @Test
    void aProxiedScreeningProcessorIsResolvedOncePerBatchNotOncePerItem() throws Exception {
        // given the step-scoped processor as Spring hands it out: a class proxy, here one that counts its calls
        var registry = io.vigil.registry.match.NameMatchers.prepare(List.of(),
                io.vigil.registry.link.PartyLinks.of(List.of()));
        var screener = new io.vigil.registry.screen.RecordScreener(io.vigil.registry.match.NameMatchers.indexed(
                registry, io.vigil.registry.match.MatchPolicy.defaults()), registry,
                io.vigil.registry.screen.EmbargoPolicy.defaults());
        AtomicInteger proxyCalls = new AtomicInteger();
        var factory = new org.springframework.aop.framework.ProxyFactory(new ScreeningProcessor(screener, null));
        factory.setProxyTargetClass(true);
        factory.addAdvice((org.aopalliance.intercept.MethodInterceptor) invocation -> {
            proxyCalls.incrementAndGet();
            return invocation.proceed();
        });
        ScreeningProcessor proxied = (ScreeningProcessor) factory.getProxy();
        var pipeline = new ScreeningPipeline(reader(-1), proxied, executor, 200);
        pipeline.open(new ExecutionContext());
        // when every item is read
        List<ScreenedItem> all = new ArrayList<>();
        ScreenedItem item;
        while ((item = pipeline.read()) != null) {
            all.add(item);
        }
        pipeline.close();
        // then every item was screened, in file order, and the proxy was called once per batch of items
        assertThat(all).extracting(s -> s.item().line()).containsExactlyElementsOf(lines(1, ROWS));
        assertThat(all.get(0).recordFingerprint()).isNotZero();
        assertThat(all.get(9).item()).isInstanceOf(InputItem.Rejected.class);
        assertThat(proxyCalls.get()).isEqualTo((ROWS + ScreeningPipeline.BATCH - 1) / ScreeningPipeline.BATCH);
    }

    private ScreenedItem screen(InputItem item) {
        if (item instanceof InputItem.Record) {
            return new ScreenedItem(item, List.of(), item.line(), item.line(), null);
        }
        return new ScreenedItem(item);
    }

    /** ROWS items, every 10th a rejected row; failing at line {@code failAt} when positive. */
    private InputItemReader reader(int failAt) {
        return new InputItemReader(() -> new InputReader() {
            private long line;

            @Override
            public InputItem next() throws IOException {
                if (line == ROWS) {
                    return null;
                }
                line++;
                if (line == failAt) {
                    throw new IOException("disk gone at line " + line);
                }
                itemsReadFromFile.incrementAndGet();
                return line % 10 == 0 ? new InputItem.Rejected(new RejectedRecord(line, "r" + line, "bad row"))
                        : new InputItem.Record(new InputRecord(line, "r" + line, List.of()));
            }

            @Override
            public void close() {
            }
        });
    }

    private void waitUntilReadAhead(int items) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (itemsReadFromFile.get() < items && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static List<Long> lines(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    private static ThreadPoolTaskExecutor executor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
