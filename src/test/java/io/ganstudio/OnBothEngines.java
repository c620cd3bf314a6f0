package io.ganstudio;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class whose tests exercise the engine (training, generating, projecting, inspecting, evaluating): {@code mvn
 * verify} runs it twice, first on the default engine with the rest of the suite, then again on PyTorch (the
 * {@code pytorch-engine} execution of the Surefire plugin in pom.xml, which selects the tag {@value #TAG}).
 */
@Tag(OnBothEngines.TAG)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnBothEngines {

    String TAG = "engine";
}
