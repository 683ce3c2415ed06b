package org.learninglog.query.view;

import java.util.List;

/** One page of a longer list: which page, how big, how many items there are in all. */
public record Page<T>(int page, int size, long total, List<T> items) {

    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = Math.min(all.size(), page * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(page, size, all.size(), List.copyOf(all.subList(from, to)));
    }

    /** The same page with each item changed. */
    public Page<T> map(java.util.function.UnaryOperator<T> change) {
        return new Page<>(page, size, total, items.stream().map(change).toList());
    }
}
