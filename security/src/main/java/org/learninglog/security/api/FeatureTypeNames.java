package org.learninglog.security.api;

import io.swagger.v3.core.jackson.TypeNameResolver;

import java.util.Arrays;

/**
 * A record nested in a controller is named with the controller's feature unless its own name says
 * it already ({@code Registered} of the person controller is {@code PersonRegistered};
 * {@code RecordInsightRequest} and the backup controller's {@code BackupWritten} stay as they are). Without this, records of the same simple name in
 * two controllers were merged into one schema that described neither answer.
 */
final class FeatureTypeNames extends TypeNameResolver {

    private static final String CONTROLLER = "Controller";

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> outer = type.getEnclosingClass();
        if (outer == null || !outer.getSimpleName().endsWith(CONTROLLER)
                || !type.getPackageName().startsWith("org.learninglog")) {
            return name;
        }
        String feature = outer.getSimpleName().substring(0, outer.getSimpleName().length() - CONTROLLER.length());
        boolean named = Arrays.stream(feature.split("(?=\\p{Upper})")).anyMatch(name::contains);
        return named ? name : feature + name;
    }
}
