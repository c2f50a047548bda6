package io.vigil.registry.download;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Streams a response body into a file and gives up (cancelling the transfer) as soon as it exceeds the size cap,
 * or at once when the declared Content-Length already does.
 */
final class CappedFileSubscriber implements HttpResponse.BodySubscriber<Path> {

    private final Path target;
    private final long cap;
    private final long declaredLength;
    private final CompletableFuture<Path> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private FileChannel channel;
    private long written;

    /** @param declaredLength the Content-Length header, or -1 when absent */
    CappedFileSubscriber(Path target, long cap, long declaredLength) {
        this.target = target;
        this.cap = cap;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredLength > cap) {
            s.cancel();
            result.completeExceptionally(new SizeCapExceededException(
                    "response of " + declaredLength + " bytes (Content-Length) exceeds the cap of " + cap + " bytes"));
            return;
        }
        try {
            channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            s.cancel();
            result.completeExceptionally(e);
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        try {
            for (ByteBuffer buf : items) {
                written += buf.remaining();
                if (written > cap) {
                    fail(new SizeCapExceededException("response exceeds the cap of " + cap + " bytes"));
                    return;
                }
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
        } catch (IOException e) {
            fail(e);
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        closeQuietly();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        try {
            if (channel != null) {
                channel.force(true);
                channel.close();
            }
            result.complete(target);
        } catch (IOException e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<Path> getBody() {
        return result;
    }

    private void fail(IOException e) {
        subscription.cancel();
        closeQuietly();
        result.completeExceptionally(e);
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted by the caller anyway
            }
        }
    }
}
