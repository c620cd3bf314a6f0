package io.ganstudio.ui.common;

import io.ganstudio.core.run.CorruptCheckpointException;
import org.junit.jupiter.api.Test;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures said in the studio's language, not in the exception's English. */
class ErrorTextTest {

    @Test
    void aFileSystemFailureNamesItsPathAndItsReasonInJapanese() {
        String ja = ErrorText.of(new AccessDeniedException("/runs/a/.trainer.lock"), Locale.JAPANESE);
        assertEquals("/runs/a/.trainer.lock：アクセスが拒否されました", ja);
        assertEquals("/runs/a/.trainer.lock: permission denied",
                ErrorText.of(new AccessDeniedException("/runs/a/.trainer.lock"), Locale.ENGLISH));
    }

    @Test
    void aWrappedFailureIsSaidByItsCause() {
        String ja = ErrorText.of(new CompletionException(new NoSuchFileException("/data/x.png")), Locale.JAPANESE);
        assertEquals("/data/x.png：ファイルまたはフォルダーがありません", ja);
    }

    @Test
    void aDamagedCheckpointIsSaidInTheLanguage() {
        String ja = ErrorText.of(new CorruptCheckpointException(Path.of("/r/step-00000200.gsc"), "bad magic"),
                Locale.JAPANESE);
        assertTrue(ja.startsWith("step-00000200.gsc を読み込めません"), ja);
        assertFalse(ja.contains("cannot"), ja);
    }

    @Test
    void anythingElseIsASentenceInTheLanguageWithTheTechnicalDetailAfter() {
        IllegalStateException e = new IllegalStateException("engine\nnot ready");
        assertEquals("予期しない問題が起きました（詳細: engine; not ready）", ErrorText.of(e, Locale.JAPANESE));
        assertEquals("engine; not ready", ErrorText.of(e, Locale.ENGLISH));
        assertEquals("予期しない問題が起きました（詳細: IllegalStateException）",
                ErrorText.of(new IllegalStateException(), Locale.JAPANESE));
    }
}
