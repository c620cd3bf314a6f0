package io.ganstudio.core.text;

/**
 * A setting whose values have command-line names (such as "batch-norm" for BATCH_NORM). One parser serves every
 * such enum, so each accepts the same spellings and refuses with the same kind of message.
 */
public interface CliNamed {

    /** The value's name on the command line. */
    String cliName();

    /**
     * The constant of {@code type} whose command-line name or Java name is {@code text}, ignoring case.
     *
     * @param what the setting, for the message ("loss", "upsampling")
     * @throws IllegalArgumentException naming the text and every accepted value, e.g. "unknown loss 'x': use bce,
     *                                  lsgan or hinge"
     */
    static <E extends Enum<E> & CliNamed> E parse(Class<E> type, String what, String text) {
        E[] values = type.getEnumConstants();
        for (E e : values) {
            if (e.cliName().equalsIgnoreCase(text) || e.name().equalsIgnoreCase(text)) {
                return e;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            choices.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].cliName());
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': use " + choices);
    }
}
