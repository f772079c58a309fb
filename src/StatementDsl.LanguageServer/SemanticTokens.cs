using System.Text.Json.Nodes;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>
/// <c>textDocument/semanticTokens/full</c>: colours from the parser's own reading of the file, so an
/// editor colours a kind, a field, an id, a reference, an enum value, a text, a date and a comment as
/// the compiler sees them, in any script. A text block is one token per line, for clients without
/// multi-line tokens.
/// </summary>
internal static class SemanticTokens
{
    public static readonly string[] Types = ["keyword", "property", "variable", "enumMember", "string", "number", "comment"];

    public static readonly string[] Modifiers = ["declaration"];

    private const int Keyword = 0;
    private const int Property = 1;
    private const int Variable = 2;
    private const int EnumMember = 3;
    private const int StringType = 4;
    private const int Number = 5;
    private const int Comment = 6;

    public static JsonObject Legend => new()
    {
        ["tokenTypes"] = new JsonArray(Types.Select(t => (JsonNode)t).ToArray()),
        ["tokenModifiers"] = new JsonArray(Modifiers.Select(m => (JsonNode)m).ToArray()),
    };

    public static JsonObject Of(SyntaxFile file)
    {
        var found = new List<(TextSpan Span, int Type, int Modifiers)>();
        foreach (var declaration in file.Declarations)
        {
            Declaration(declaration, found);
        }

        Comments(file.EndOfFile, found);
        var data = new JsonArray();
        var previousLine = 0;
        var previousColumn = 0;
        foreach (var (span, type, modifiers) in found.OrderBy(f => f.Span.Start))
        {
            foreach (var (line, column, length) in Lines(file.Source, span))
            {
                data.Add(line - previousLine);
                data.Add(line == previousLine ? column - previousColumn : column);
                data.Add(length);
                data.Add(type);
                data.Add(modifiers);
                previousLine = line;
                previousColumn = column;
            }
        }

        return new JsonObject { ["data"] = data };
    }

    private static void Declaration(DeclarationSyntax declaration, List<(TextSpan, int, int)> found)
    {
        Add(declaration.KindToken, declaration.Kind is null ? Variable : Keyword, 0, found);
        if (declaration.Identifier is { } id)
        {
            Add(id, Variable, 1, found);
        }

        Comments(declaration.OpenBrace, found);
        foreach (var member in declaration.Members)
        {
            if (member is DeclarationSyntax nested)
            {
                Declaration(nested, found);
            }
            else if (member is FieldSyntax field)
            {
                Add(field.Name, Property, 0, found);
                if (field.LanguageTag is { } tag)
                {
                    Add(tag, Property, 0, found);
                }

                Comments(field.Colon, found);
                var spec = declaration.Kind is { } kind ? DeclarationKinds.Fields(kind).FirstOrDefault(f => f.Name == field.Name.ValueText) : null;
                Value(field.Value, spec, found);
            }
        }

        Comments(declaration.CloseBrace, found);
    }

    private static void Value(ValueSyntax value, FieldSpec? spec, List<(TextSpan, int, int)> found)
    {
        if (value is ListValueSyntax list)
        {
            Comments(list.OpenBracket, found);
            foreach (var item in list.Items)
            {
                Value(item, spec, found);
            }

            foreach (var separator in list.Separators)
            {
                Comments(separator, found);
            }

            Comments(list.CloseBracket, found);
            return;
        }

        var token = ((TokenValueSyntax)value).Token;
        var type = token.Kind switch
        {
            TokenKind.String or TokenKind.TextBlock => StringType,
            TokenKind.Date or TokenKind.Time or TokenKind.Integer => Number,
            _ when spec?.Type is FieldType.Enum || token.ValueText is "true" or "false" => EnumMember,
            _ when spec?.Type is FieldType.Reference or FieldType.ReferenceList => Variable,
            _ => EnumMember,
        };
        Add(token, type, 0, found);
    }

    private static void Add(Token token, int type, int modifiers, List<(TextSpan, int, int)> found)
    {
        Comments(token, found);
        if (!token.IsMissing && token.Span.Length > 0)
        {
            found.Add((token.Span, type, modifiers));
        }
    }

    private static void Comments(Token token, List<(TextSpan, int, int)> found)
    {
        foreach (var trivia in token.LeadingTrivia)
        {
            if (trivia.Kind == TriviaKind.Comment)
            {
                found.Add((trivia.Span, Comment, 0));
            }
        }
    }

    /// <summary>A span cut at line ends: 0-based line, 0-based UTF-16 column and length of each piece.</summary>
    private static IEnumerable<(int Line, int Column, int Length)> Lines(SourceFile source, TextSpan span)
    {
        var start = span.Start;
        while (start < span.End)
        {
            var end = start;
            while (end < span.End && source.Text[end] is not ('\n' or '\r'))
            {
                end++;
            }

            if (end > start)
            {
                var position = source.GetPosition(start);
                yield return (position.Line - 1, position.Column - 1, end - start);
            }

            start = end;
            while (start < span.End && source.Text[start] is '\n' or '\r')
            {
                start++;
            }
        }
    }
}
