using System.Text.Json.Nodes;
using CsCheck;
using StatementDsl.Cli;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests.Properties;

public class FormatterProperties
{
    internal static string Format(string text) => Formatter.Format(Parser.Parse(new SourceFile("doc.stmt", text)))
        ?? throw new InvalidOperationException("The document has syntax errors.");

    /// <summary>The bound model as JSON without positions: what a file means.</summary>
    internal static string Model(string text)
    {
        using var stream = new MemoryStream();
        JsonExporter.Write(TestText.Compile(("doc.stmt", text)), stream);
        var node = JsonNode.Parse(stream.ToArray())!;
        StripOrigins(node);
        return node.ToJsonString();
    }

    private static void StripOrigins(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            obj.Remove("origin");
            foreach (var (_, child) in obj.ToList())
            {
                StripOrigins(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                StripOrigins(child);
            }
        }
    }

    [Fact]
    public void Formatting_is_idempotent() =>
        Documents.Valid.Sample(text =>
        {
            var once = Format(text);
            Assert.Equal(once, Format(once));
        }, iter: FrontEndProperties.Iterations(400));

    [Fact]
    public void Formatting_never_changes_the_model() =>
        Documents.Valid.Sample(text => Assert.Equal(Model(text), Model(Format(text))), iter: FrontEndProperties.Iterations(300));

    [Fact]
    public void Formatting_keeps_every_comment() =>
        Documents.Valid.Sample(text => Assert.Equal(Comments(text), Comments(Format(text))), iter: FrontEndProperties.Iterations(300));

    private static string[] Comments(string text)
    {
        var file = new SourceFile("d.stmt", text);
        var tokens = new Lexer(file, new StatementDsl.Language.Diagnostics.DiagnosticBag(file)).LexAll();
        return tokens.SelectMany(t => t.LeadingTrivia).Where(t => t.Kind == TriviaKind.Comment)
            .Select(t => text.Substring(t.Span.Start, t.Span.Length).TrimEnd())
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
