package io.mlpipe.tasks.preprocess;

import java.util.List;

/**
 * The first pass's result: the header, one profile per column, and the row counts.
 *
 * @param targetIndex the target's position in {@code columns}
 * @param rows rows with a target value (the ones used)
 * @param rowsWithoutTarget rows dropped because their target is missing
 */
record DataProfile(List<ColumnProfile> columns, int targetIndex, long rows, long rowsWithoutTarget,
                   long trainRows, long validationRows) {

    ColumnProfile target() {
        return columns.get(targetIndex);
    }
}
