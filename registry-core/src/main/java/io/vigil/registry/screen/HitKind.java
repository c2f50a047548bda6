package io.vigil.registry.screen;

/**
 * What kind of value produced a {@link ScreeningHit}: a name screened whole, a name found inside free text, an
 * embargoed country, or a listed BIC.
 */
public enum HitKind {
    NAME, FREE_TEXT, COUNTRY, BIC;

    /** From the kind of the screened value: {@code NAME} → {@code NAME}, {@code BIC} → {@code BIC}… */
    public static HitKind of(ScreenedValue.Kind kind) {
        return switch (kind) {
            case NAME -> NAME;
            case FREE_TEXT -> FREE_TEXT;
            case COUNTRY -> COUNTRY;
            case BIC -> BIC;
        };
    }
}
