using System.Globalization;
using System.Text;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Records;

namespace StatementDsl.Generator;

/// <summary>
/// Writes a bound file in <see cref="RecordFormat"/>: the headers (count and every record's header; the
/// emitter puts the path before them, as <see cref="SourcePaths"/> maps it), then one body per record,
/// each already escaped for a C# string literal; the emitter writes the headers as one constant and
/// joins the bodies into another.
/// </summary>
internal static class RecordEncoder
{
    private static readonly Dictionary<string, int> FieldNumbers =
        RecordFormat.FieldNames.Select((name, number) => (name, number)).ToDictionary(f => f.name, f => f.number, StringComparer.Ordinal);

    public static EncodedRecords Encode(BoundFile file, SymbolTable table, QuoteCheckResult quotes, CancellationToken cancellationToken)
    {
        var indexOf = new Dictionary<BoundEntity, int>();
        for (var i = 0; i < file.Entities.Count; i++)
        {
            indexOf.Add(file.Entities[i], i);
        }

        var transcriptLanguage = (file.Transcript?.Field("language")?.Value as SymbolValue)?.Symbol;
        var headers = new StringBuilder();
        headers.Append(Int(file.Entities.Count));
        var bodies = new List<string>(file.Entities.Count);
        var body = new StringBuilder();
        foreach (var entity in file.Entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body.Clear();
            WriteBody(body, entity, transcriptLanguage, table, quotes);
            headers.Append(KindCode(entity.Kind));
            Str(headers, entity.Id);
            var origin = entity.Origin.Start;
            headers.Append(Int(origin.Line)).Append(Int(origin.Column)).Append(Int(entity.Meeting is null ? -1 : indexOf[entity.Meeting])).Append(Int(body.Length));
            bodies.Add(CSharpLiteral.Escape(body.ToString()));
        }

        return new EncodedRecords(CSharpLiteral.Escape(headers.ToString()), bodies.ToEquatableArray());
    }

    private static void WriteBody(StringBuilder body, BoundEntity entity, string? transcriptLanguage, SymbolTable table, QuoteCheckResult quotes)
    {
        var fields = entity.Fields.Where(f => FieldNumbers.ContainsKey(f.Name)).ToList();
        body.Append(Int(fields.Count));
        var spokenLanguage = (entity.Field("language")?.Value as SymbolValue)?.Symbol;
        foreach (var field in fields)
        {
            body.Append(Int(FieldNumbers[field.Name]));
            var language = field.Spec.IsContent ? field.Language ?? spokenLanguage ?? transcriptLanguage : field.Language;
            Str(body, language);
            WriteValue(body, field, table, quotes);
        }
    }

    private static void WriteValue(StringBuilder body, BoundField field, SymbolTable table, QuoteCheckResult quotes)
    {
        switch (field.Value)
        {
            case TextValue text when quotes.DocumentPath is { } document && quotes.Matches.TryGetValue(field.ValueSpan.Start, out var found):
                body.Append(RecordFormat.LocatedTextTag);
                Str(body, text.Text);
                Str(body, document);
                body.Append(Int(found.Position.Line)).Append(Int(found.Position.Column));
                break;
            case TextValue text:
                body.Append(RecordFormat.TextTag);
                Str(body, text.Text);
                break;
            case DateValue { Date: var date }:
                body.Append(date.Time is null ? RecordFormat.DateTag : RecordFormat.TimeTag);
                Str(body, date.ToString());
                break;
            case TimeValue time:
                body.Append(RecordFormat.TimeTag);
                Str(body, time.Time.ToString());
                break;
            case IntegerValue integer:
                body.Append(RecordFormat.IntegerTag).Append(integer.Value.ToString(CultureInfo.InvariantCulture)).Append(RecordFormat.IntTerminator);
                break;
            case SymbolValue symbol:
                body.Append(RecordFormat.SymbolTag);
                Str(body, symbol.Symbol);
                break;
            case ReferenceValue reference:
                body.Append(RecordFormat.ReferenceTag);
                Target(body, reference, table);
                break;
            case ListValue list:
                body.Append(field.Spec.Type == FieldType.ReferenceList ? RecordFormat.ReferenceListTag : RecordFormat.TextListTag);
                body.Append(Int(list.Items.Count));
                foreach (var item in list.Items)
                {
                    if (item is ReferenceValue reference)
                    {
                        Target(body, reference, table);
                    }
                    else
                    {
                        Str(body, ((TextValue)item).Text);
                    }
                }

                break;
        }
    }

    private static void Target(StringBuilder body, ReferenceValue reference, SymbolTable table)
    {
        Str(body, table.OwnedClass(reference.Target.Path));
        Str(body, reference.Id);
    }

    /// <summary>The path that starts a file's headers, escaped for C#.</summary>
    public static string EncodePath(string path)
    {
        var text = new StringBuilder();
        Str(text, path);
        return CSharpLiteral.Escape(text.ToString());
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture) + RecordFormat.IntTerminator;

    /// <summary>A length-prefixed string; lone surrogates (already reported as STMT0007) become U+FFFD, as everywhere the generator writes text.</summary>
    private static void Str(StringBuilder body, string? value)
    {
        if (value is null)
        {
            body.Append(RecordFormat.Absent);
            return;
        }

        var clean = CSharpLiteral.ReplaceLoneSurrogates(value);
        body.Append(Int(clean.Length)).Append(clean);
    }

    private static char KindCode(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Transcript => RecordFormat.TranscriptKind,
        DeclarationKind.Person => RecordFormat.PersonKind,
        DeclarationKind.Org => RecordFormat.OrganizationKind,
        DeclarationKind.Meeting => RecordFormat.MeetingKind,
        DeclarationKind.Speech => RecordFormat.SpeechKind,
        DeclarationKind.Statement => RecordFormat.StatementKind,
        DeclarationKind.Walkout => RecordFormat.WalkoutKind,
        DeclarationKind.Vote => RecordFormat.VoteKind,
        DeclarationKind.Membership => RecordFormat.MembershipKind,
        _ => RecordFormat.EventKind,
    };
}
