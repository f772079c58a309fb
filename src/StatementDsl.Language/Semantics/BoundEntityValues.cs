namespace StatementDsl.Language.Semantics;

/// <summary>A declaration's field values by kind of value, as every writer of records (exports, the website) reads them.</summary>
public static class BoundEntityValues
{
    /// <summary>The text of a single-valued text field (the untagged value, else the first); null when absent.</summary>
    public static string? TextOf(this BoundEntity entity, string field) => entity.Field(field)?.Text;

    /// <summary>An enum value, language tag, country or other bare word; null when absent.</summary>
    public static string? SymbolOf(this BoundEntity entity, string field) => entity.Field(field)?.Value is SymbolValue symbol ? symbol.Symbol : null;

    /// <summary>The id a reference field names; null when absent.</summary>
    public static string? ReferenceOf(this BoundEntity entity, string field) => entity.Field(field)?.Value is ReferenceValue reference ? reference.Id : null;

    /// <summary>The language of the transcript of the entity's file; null when it names none.</summary>
    public static string? TranscriptLanguageOf(this BoundEntity entity) => entity.File.Transcript?.SymbolOf("language");

    /// <summary>The ids a reference or reference-list field names, in order.</summary>
    public static IEnumerable<string> ReferencesOf(this BoundEntity entity, string field) => entity.Field(field)?.Value switch
    {
        ReferenceValue reference => new[] { reference.Id },
        ListValue list => list.Items.OfType<ReferenceValue>().Select(r => r.Id),
        _ => Array.Empty<string>(),
    };
}
