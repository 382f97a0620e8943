package se.nduh.query.readmodel;

import java.util.List;

/** One page of a list: the items, which page of what size, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
