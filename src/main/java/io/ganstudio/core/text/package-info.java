/**
 * Words for people, and where each kind goes. There is one way to read them ({@link io.ganstudio.core.text.Bundles}:
 * English root bundle, Japanese translation) and three places to put them:
 * <ul>
 *   <li>a sentence the core or a job says (a problem with a setting, why training stopped) is a
 *       {@link io.ganstudio.core.text.Phrase}, with its words in {@code core/text/messages*.properties}: the CLI prints
 *       it in English, the studio in the user's language;</li>
 *   <li>a word on one studio screen goes in that screen's bundle ({@code ui/<screen>/messages*.properties}, read
 *       through the screen's {@code BundleText}, e.g. {@code TrainText});</li>
 *   <li>a word of the shell shared by several screens (menus, dialogs, the status bar) goes in
 *       {@code ui/common/messages*.properties}, read through {@code Messages}.</li>
 * </ul>
 * The CLI's own help and output are English only, written in the commands.
 */
package io.ganstudio.core.text;
