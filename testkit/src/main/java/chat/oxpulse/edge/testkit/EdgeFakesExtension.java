package chat.oxpulse.edge.testkit;

import chat.oxpulse.edge.core.files.AtomicFileWriter;
import chat.oxpulse.edge.core.files.FileMode;
import chat.oxpulse.edge.core.layout.EdgeLayout;
import chat.oxpulse.edge.testkit.internal.TempDirs;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the fakes a test asks for, injects them, and closes them after the test.
 *
 * <p>Two shapes of fake can be asked for: a concrete {@link Fake} with a public no-argument
 * constructor (created, then {@link Fake#start()}ed), or any {@link AutoCloseable} class with a
 * public static no-argument {@code start()} method returning a started instance of that class (the
 * shape of {@code FakeDockerEngine}). Either is asked for as a test
 * method parameter or as a non-static, non-final instance field that is still null before the test
 * (fields of outer instances of {@code @Nested} classes included). Within one test every request
 * for the same type gets the same instance. {@link EdgeLayout} gets a layout whose two roots
 * ({@code etc/} 0755 and {@code state/} 0700) are created in a fresh temp directory, deleted after
 * the test. Fields are set back to null after the test, so every test starts clean; fakes that need
 * options are built by the test itself.
 *
 * <p>A new fake needs no change here: implementing {@link Fake}, or offering {@code static X
 * start()}, is enough.
 */
public final class EdgeFakesExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EdgeFakesExtension.class);
  private static final String KEY = "resources";

  /** Per-test resources, closed in reverse creation order. */
  private static final class Resources implements AutoCloseable {
    final Map<Class<?>, Object> byType = new LinkedHashMap<>();
    final List<Path> tempDirs = new ArrayList<>();
    final List<Field> injected = new ArrayList<>();
    final List<Object> injectedInto = new ArrayList<>();
    boolean closed;

    Object get(Class<?> type) throws Exception {
      Object existing = byType.get(type);
      if (existing != null) {
        return existing;
      }
      Object created;
      if (type == EdgeLayout.class) {
        Path root = Files.createTempDirectory("edge-layout-");
        tempDirs.add(root);
        AtomicFileWriter.ensureDirectory(root.resolve("etc"), FileMode.PUBLIC_DIR);
        AtomicFileWriter.ensureDirectory(root.resolve("state"), FileMode.PRIVATE_DIR);
        created = EdgeLayout.of(root.resolve("etc"), root.resolve("state"));
      } else if (Fake.class.isAssignableFrom(type)) {
        Constructor<?> c = type.getConstructor();
        Fake fake = (Fake) c.newInstance();
        byType.put(type, fake); // registered first so a failing start still gets closed
        fake.start();
        return fake;
      } else {
        try {
          created = staticStart(type).invoke(null);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception ex ? ex : e;
        }
      }
      byType.put(type, created);
      return created;
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (int i = 0; i < injected.size(); i++) {
        try {
          injected.get(i).set(injectedInto.get(i), null);
        } catch (IllegalAccessException ignored) {
          // was settable when injected
        }
      }
      List<Object> values = new ArrayList<>(byType.values());
      for (int i = values.size() - 1; i >= 0; i--) {
        if (values.get(i) instanceof AutoCloseable c) {
          try {
            c.close();
          } catch (Exception ignored) {
            // keep closing the others; a fake that fails to close must not hide the test result
          }
        }
      }
      tempDirs.forEach(TempDirs::deleteQuietly);
    }
  }

  /** True for types this extension can provide. */
  static boolean provides(Class<?> type) {
    if (type == EdgeLayout.class) {
      return true;
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
      return false;
    }
    if (Fake.class.isAssignableFrom(type)) {
      try {
        return Modifier.isPublic(type.getConstructor().getModifiers());
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
    return AutoCloseable.class.isAssignableFrom(type) && staticStart(type) != null;
  }

  /** {@code public static T start()} on {@code type}, or null. */
  private static Method staticStart(Class<?> type) {
    try {
      Method m = type.getMethod("start");
      int mod = m.getModifiers();
      return Modifier.isStatic(mod) && Modifier.isPublic(mod) && type.isAssignableFrom(m.getReturnType()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Resources resources(ExtensionContext context) {
    return context.getStore(NS).getOrComputeIfAbsent(KEY, k -> new Resources(), Resources.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getDeclaringExecutable() instanceof java.lang.reflect.Method
        && provides(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    try {
      return resources(extensionContext).get(type);
    } catch (Exception e) {
      throw new ParameterResolutionException("could not start " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Resources r = resources(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int m = f.getModifiers();
          if (Modifier.isStatic(m) || Modifier.isFinal(m) || f.isSynthetic() || !provides(f.getType())) {
            continue;
          }
          f.setAccessible(true);
          if (f.get(instance) != null) {
            continue;
          }
          try {
            f.set(instance, r.get(f.getType()));
          } catch (IOException e) {
            throw new IOException("could not start " + f.getType().getSimpleName() + " for field " + f.getName(), e);
          }
          r.injected.add(f);
          r.injectedInto.add(instance);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Resources r = context.getStore(NS).remove(KEY, Resources.class);
    if (r != null) {
      r.close();
    }
  }
}
