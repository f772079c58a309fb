using System.Text.Encodings.Web;
using System.Text.Json;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Cli;

/// <summary>
/// The bound model as one JSON document (schema: docs/export.schema.json). References are ids,
/// dates and times ISO 8601 strings, passages in file order with their language, and every record
/// carries its origin (path, line, column).
/// </summary>
internal static class JsonExporter
{
    public const string SchemaUri = "https://github.com/statementdsl/statementdsl/blob/main/docs/export.schema.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(BoundCompilation compilation, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteNumber("version", 1);
        json.WriteStartArray("files");
        foreach (var file in compilation.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("class", file.ClassName);
            WriteEntity(json, compilation, "transcript", file.Transcript);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var entities = compilation.Files.SelectMany(f => f.Entities).ToList();
        WriteAll(json, compilation, "people", entities, DeclarationKind.Person);
        WriteAll(json, compilation, "organizations", entities, DeclarationKind.Org);
        WriteAll(json, compilation, "meetings", entities, DeclarationKind.Meeting);
        WriteAll(json, compilation, "statements", entities, DeclarationKind.Statement);
        WriteAll(json, compilation, "memberships", entities, DeclarationKind.Membership);
        json.WriteEndObject();
    }

    private static void WriteAll(Utf8JsonWriter json, BoundCompilation compilation, string name, List<BoundEntity> entities, DeclarationKind kind)
    {
        json.WriteStartArray(name);
        foreach (var entity in entities.Where(e => e.Kind == kind))
        {
            WriteEntity(json, compilation, null, entity);
        }

        json.WriteEndArray();
    }

    private static void WriteEntity(Utf8JsonWriter json, BoundCompilation compilation, string? propertyName, BoundEntity? entity)
    {
        if (propertyName is not null)
        {
            json.WritePropertyName(propertyName);
        }

        if (entity is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("kind", DeclarationKinds.Keyword(entity.Kind));
        json.WriteString("id", entity.Id);
        json.WriteStartObject("origin");
        json.WriteString("path", entity.File.Path);
        json.WriteNumber("line", entity.Origin.Start.Line);
        json.WriteNumber("column", entity.Origin.Start.Column);
        json.WriteEndObject();
        if (entity.Meeting is not null)
        {
            json.WriteString("meeting", entity.Meeting.Id);
        }

        if (entity.Kind == DeclarationKind.Speech && entity.Field("date") is null && entity.EffectiveDate is { } inherited)
        {
            json.WriteString("date", inherited.ToString());
            json.WriteBoolean("date_inherited", true);
        }

        WriteFields(json, compilation, entity);
        if (entity.Kind == DeclarationKind.Meeting)
        {
            json.WriteStartArray("speeches");
            foreach (var child in entity.Children.Where(c => c.Kind == DeclarationKind.Speech))
            {
                WriteEntity(json, compilation, null, child);
            }

            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var child in entity.Children.Where(c => c.Kind != DeclarationKind.Speech))
            {
                WriteEntity(json, compilation, null, child);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Single-valued fields by name (untagged value, else the first); names, aliases, passages and tagged variants as arrays.</summary>
    private static void WriteFields(Utf8JsonWriter json, BoundCompilation compilation, BoundEntity entity)
    {
        var spoken = (entity.Field("language")?.Value as SymbolValue)?.Symbol;
        var transcriptLanguage = (entity.File.Transcript?.Field("language")?.Value as SymbolValue)?.Symbol;
        foreach (var spec in DeclarationKinds.Fields(entity.Kind))
        {
            if (spec.IsContent || spec.Name is "name" or "alias" || entity.Field(spec.Name) is not { } field)
            {
                continue;
            }

            // "kind" names the record's kind in the export, so an org's or a meeting's own kind field is prefixed.
            json.WritePropertyName(spec.Name == "kind" ? DeclarationKinds.Keyword(entity.Kind) + "_kind" : spec.Name);
            WriteValue(json, field.Value);
        }

        if (entity.Kind is DeclarationKind.Person or DeclarationKind.Org)
        {
            json.WriteStartArray("names");
            foreach (var name in entity.FieldsNamed("name"))
            {
                WriteText(json, ((TextValue)name.Value).Text, name.Language);
            }

            json.WriteEndArray();
        }

        if (entity.Kind == DeclarationKind.Person)
        {
            json.WriteStartArray("aliases");
            foreach (var alias in entity.FieldsNamed("alias"))
            {
                json.WriteStringValue(((TextValue)alias.Value).Text);
            }

            json.WriteEndArray();
        }

        if (DeclarationKinds.Fields(entity.Kind).Any(f => f.IsContent))
        {
            json.WriteStartArray("passages");
            foreach (var passage in entity.Fields.Where(f => f.Spec.IsContent))
            {
                json.WriteStartObject();
                json.WriteString("kind", passage.Name);
                json.WriteString("text", ((TextValue)passage.Value).Text);
                json.WriteString("language", passage.Language ?? spoken ?? transcriptLanguage);
                if (compilation.QuotesOf(entity.File) is { DocumentPath: { } document } quotes && quotes.Matches.TryGetValue(passage.ValueSpan.Start, out var found))
                {
                    json.WriteStartObject("source_location");
                    json.WriteString("path", document);
                    json.WriteNumber("line", found.Position.Line);
                    json.WriteNumber("column", found.Position.Column);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        var variants = entity.Fields.Where(f => f.Language is not null && !f.Spec.IsContent && f.Name != "name").ToList();
        if (variants.Count > 0)
        {
            json.WriteStartArray("localized");
            foreach (var variant in variants)
            {
                json.WriteStartObject();
                json.WriteString("field", variant.Name);
                json.WriteString("language", variant.Language);
                json.WriteString("value", ((TextValue)variant.Value).Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    private static void WriteText(Utf8JsonWriter json, string value, string? language)
    {
        json.WriteStartObject();
        json.WriteString("value", value);
        json.WriteString("language", language);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, BoundValue value)
    {
        switch (value)
        {
            case TextValue text:
                json.WriteStringValue(text.Text);
                break;
            case DateValue date:
                json.WriteStringValue(date.Date.ToString());
                break;
            case TimeValue time:
                json.WriteStringValue(time.Time.ToString());
                break;
            case IntegerValue integer:
                json.WriteNumberValue(integer.Value);
                break;
            case SymbolValue symbol:
                json.WriteStringValue(symbol.Symbol);
                break;
            case ReferenceValue reference:
                json.WriteStringValue(reference.Id);
                break;
            case ListValue list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
        }
    }
}
