package dev.commandcenter.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the {@link RunningSuite} as a parameter (of a {@code @BeforeAll} method, a
 * constructor or a test). The first class that asks starts it; it is kept in the root store, so
 * every later class of this JVM gets the same one, and JUnit closes it when the whole run ends.
 * A suite that failed to start is not started again: every later class gets the same failure.
 */
public final class SuiteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSuite.class;
    }

    @Override
    public RunningSuite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Startup startup = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class);
        if (startup.failure() != null) {
            throw new ParameterResolutionException("The suite did not start: " + startup.failure().getMessage(),
                    startup.failure());
        }
        return startup.suite();
    }

    /** The started suite, or why it did not start. */
    private record Startup(RunningSuite suite, RuntimeException failure) implements AutoCloseable {
        static Startup attempt() {
            try {
                return new Startup(RunningSuite.start(), null);
            } catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        @Override
        public void close() {
            if (suite != null) {
                suite.close();
            }
        }
    }
}
