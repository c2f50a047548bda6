package io.vigil.registry.screen.input;

import java.util.List;

/**
 * What an input file holds, and so which logical columns a CSV of it has.
 *
 * <p>Example: {@code InputKind.COUNTERPARTIES.columns()} → {@code [id, name, type, date_of_birth, country,
 * address]}, {@code required()} → {@code [id, name]}.
 */
public enum InputKind {
    /** counterparties: {@code id,name,type,date_of_birth,country,address}; {@code id} and {@code name} required */
    COUNTERPARTIES(List.of("id", "name", "type", "date_of_birth", "country", "address"), List.of("id", "name")),
    /** transactions: CSV with the contract's twelve columns ({@code id} required) or a pacs.008 XML file */
    TRANSACTIONS(List.of("id", "value_date", "amount", "currency", "originator_name", "originator_country",
            "originator_bank", "beneficiary_name", "beneficiary_country", "beneficiary_bank", "intermediary_bank",
            "remittance_info"), List.of("id"));

    private final List<String> columns;
    private final List<String> required;

    InputKind(List<String> columns, List<String> required) {
        this.columns = columns;
        this.required = required;
    }

    /** The logical CSV columns of the contract, in contract order. */
    public List<String> columns() {
        return columns;
    }

    /** The logical columns a CSV header must have. */
    public List<String> required() {
        return required;
    }
}
