package io.vigil.registry.screen;

/**
 * What an input reader yields for each row or record: a record to screen, or a rejected one. Readers never drop a
 * row silently, so records read = records screened + records rejected.
 */
public sealed interface InputItem permits InputItem.Record, InputItem.Rejected {

    long line();

    /** A record to screen. */
    record Record(InputRecord record) implements InputItem {
        @Override
        public long line() {
            return record.line();
        }
    }

    /** A row that could not be read into a record. */
    record Rejected(RejectedRecord rejected) implements InputItem {
        @Override
        public long line() {
            return rejected.line();
        }
    }
}
