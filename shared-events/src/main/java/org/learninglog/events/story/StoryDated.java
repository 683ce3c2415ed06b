package org.learninglog.events.story;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An event that records something that happened in a place or across a programme, and so has two
 * times: the story's day ({@link #happenedOn()}, when it happened, as the people who record it say)
 * and the record's instant ({@link #recordedAt()}, when the system stored it). The two may lie far
 * apart: learning is often written up weeks later, and a programme may record years of its past on
 * one day. Administration (registrations, membership, the framework) has only the record's time.
 *
 * <p>{@code happenedOn} is never {@code null}: when the recorder gives no day, it is the day of
 * recording (in UTC), and events stored before they carried a day are upcast to that day.
 */
public interface StoryDated {

    /** The day it happened in the story. */
    LocalDate happenedOn();

    /** When it was recorded. */
    Instant recordedAt();
}
