package chat.oxpulse.edge.channels.render;

/** The reference's three awg0.conf failure classes (edge-reference.md §6.4). */
public enum AwgFailureClass {
  /** (a) An identity or required value is invalid: the conf is not written, CH2 is degraded. */
  IDENTITY("identity"),
  /** (b) A must-match optional is invalid: its line is omitted and CH2 is degraded. */
  MUST_MATCH("must-match"),
  /** (c) A client-side optional is invalid: its line is omitted; the link is unaffected. */
  CLIENT_SIDE("client-side");

  private final String markerWord;

  AwgFailureClass(String markerWord) {
    this.markerWord = markerWord;
  }

  /** The word that starts this class's lines in the marker file. */
  public String markerWord() {
    return markerWord;
  }
}
