package io.vigil.registry.screen.input;

/**
 * The format of an input file, as {@link InputFiles#detect} finds it.
 *
 * <p>Example: a transactions file starting with {@code <?xml ...?><Document
 * xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">} → {@link #PACS_008}; one starting with
 * {@code id,value_date,...} → {@link #TRANSACTIONS_CSV}.
 */
public enum InputFormat {
    /** counterparties CSV ({@code id,name,type,date_of_birth,country,address} or a mapped layout) */
    COUNTERPARTIES_CSV,
    /** transactions CSV ({@code id,value_date,amount,currency,originator_name,...}) */
    TRANSACTIONS_CSV,
    /** ISO 20022 FI-to-FI customer credit transfer, pacs.008.001.02 to .001.10 */
    PACS_008
}
