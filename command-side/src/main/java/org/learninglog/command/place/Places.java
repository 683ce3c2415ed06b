package org.learninglog.command.place;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.learninglog.command.Identifiers;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers "is this place registered, and in which programme?" for command handlers of other
 * aggregates, from the Place aggregate itself: its event stream is the only record of the
 * registration, so there is no second copy to keep in step, and no lag between registering a
 * place and recording for it. Loading a place reads its own small stream by exact key.
 *
 * <p>Call it inside a command handler: it joins that command's unit of work.
 */
@Component
public class Places {

    private final Repository<Place> repository;

    public Places(@Lazy Repository<Place> placeRepository) {
        this.repository = placeRepository;
    }

    public Optional<RegisteredPlace> find(String placeId) {
        if (!Identifiers.isValid(placeId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(repository.load(placeId).invoke(Place::registration));
        } catch (AggregateNotFoundException notRegistered) {
            return Optional.empty();
        } catch (IncompatibleAggregateException notAPlace) {
            // The id names another kind of aggregate (say, an insight): its events never make a place.
            return Optional.empty();
        }
    }
}
