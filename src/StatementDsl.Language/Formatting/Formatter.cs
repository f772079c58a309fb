using System.Text;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Formatting;

/// <summary>
/// The canonical layout (docs/formatting.md): two-space indentation, one member per line in a
/// multi-line block, a block written on one line stays on one line while it fits, lists on one line
/// while they fit, text blocks re-indented without changing their content, comments kept where they
/// stand, at most one blank line kept between members. Output uses <c>\n</c>; the caller chooses the
/// file's line ending.
/// </summary>
public sealed class Formatter
{
    public const int MaxWidth = 100;
    private const string Indentation = "  ";

    private readonly string text;
    private readonly StringBuilder output = new();

    private Formatter(SyntaxFile file) => text = file.Source.Text;

    /// <summary>The formatted text, or null when the file has syntax errors (it is then left as it is).</summary>
    public static string? Format(SyntaxFile file)
    {
        if (file.HasErrors)
        {
            return null;
        }

        var formatter = new Formatter(file);
        formatter.WriteFile(file);
        return formatter.output.ToString();
    }

    /// <summary>
    /// Gives formatted text (which uses <c>\n</c>) the line ending of the original: the first one the
    /// original uses (LF, CRLF or CR), else LF.
    /// </summary>
    public static string WithLineEndingsOf(string formatted, string original)
    {
        var index = original.IndexOfAny(['\r', '\n']);
        var ending = index < 0 || original[index] == '\n' ? "\n" : index + 1 < original.Length && original[index + 1] == '\n' ? "\r\n" : "\r";
        return ending == "\n" ? formatted : new StringBuilder(formatted).Replace("\n", ending).ToString();
    }

    private void WriteFile(SyntaxFile file)
    {
        for (var i = 0; i < file.Declarations.Count; i++)
        {
            var declaration = file.Declarations[i];
            WriteLeading(declaration.KindToken, 0, first: i == 0);
            WriteInnerComments(declaration, 0);
            WriteDeclaration(declaration, 0);
            var next = i + 1 < file.Declarations.Count ? file.Declarations[i + 1].KindToken : file.EndOfFile;
            WriteTrailingComment(next);
            output.Append('\n');
        }

        WriteLeading(file.EndOfFile, 0, first: file.Declarations.Count == 0);
        while (output.Length > 1 && output[output.Length - 1] == '\n' && output[output.Length - 2] == '\n')
        {
            output.Length--;
        }
    }

    private void WriteDeclaration(DeclarationSyntax declaration, int depth)
    {
        output.Append(declaration.KindToken.Text);
        if (declaration.Identifier is { } identifier)
        {
            output.Append(' ').Append(identifier.Text);
        }

        output.Append(" {");
        if (declaration.Members.Count == 0 && !HasComments(declaration.CloseBrace))
        {
            output.Append(" }");
            return;
        }

        var oneLine = OneLine(declaration, depth);
        if (oneLine is not null)
        {
            output.Append(' ').Append(oneLine).Append(" }");
            return;
        }

        if (declaration.Members.Count == 0)
        {
            WriteTrailingComment(declaration.CloseBrace);
        }

        for (var i = 0; i < declaration.Members.Count; i++)
        {
            var member = declaration.Members[i];
            output.Append('\n');
            WriteLeading(member.FirstToken, depth + 1, first: i == 0);
            WriteInnerComments(member, depth + 1);

            Indent(depth + 1);
            if (member is DeclarationSyntax nested)
            {
                WriteDeclaration(nested, depth + 1);
            }
            else
            {
                WriteField((FieldSyntax)member, depth + 1);
            }

            var next = i + 1 < declaration.Members.Count ? declaration.Members[i + 1].FirstToken : declaration.CloseBrace;
            WriteTrailingComment(next);
        }

        output.Append('\n');
        if (HasComments(declaration.CloseBrace, afterFirstLine: true))
        {
            WriteLeading(declaration.CloseBrace, depth + 1, first: false);
        }

        Indent(depth);
        output.Append('}');
    }

    /// <summary>A block stays on one line when it was written so, holds only fields without comments or text blocks, and fits.</summary>
    private string? OneLine(DeclarationSyntax declaration, int depth)
    {
        var firstMember = declaration.Members[0].FirstToken;
        if (Newlines(firstMember.LeadingTrivia) > 0 || HasComments(declaration.CloseBrace) || Newlines(declaration.CloseBrace.LeadingTrivia) > 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var member in declaration.Members)
        {
            if (member is not FieldSyntax field || HasCommentsInside(field) || HasComments(field.FirstToken) || Contains(field.Value, TokenKind.TextBlock))
            {
                return null;
            }

            var line = FieldHead(field) + InlineValue(field.Value);
            parts.Add(line);
        }

        var joined = string.Join("  ", parts);
        var width = (depth * Indentation.Length) + declaration.KindToken.TextLength + (declaration.Identifier?.TextLength + 1 ?? 0) + joined.Length + 6;
        return width <= MaxWidth ? joined : null;
    }

    private void WriteField(FieldSyntax field, int depth)
    {
        output.Append(FieldHead(field));
        WriteValue(field.Value, depth);
    }

    private static string FieldHead(FieldSyntax field) =>
        field.Name.Text + (field.LanguageTag is { } tag ? "@" + tag.Text : string.Empty) + ": ";

    private void WriteValue(ValueSyntax value, int depth)
    {
        switch (value)
        {
            case TokenValueSyntax { Token: { Kind: TokenKind.TextBlock } block }:
                WriteTextBlock(block, depth);
                break;
            case TokenValueSyntax single:
                output.Append(single.Token.Text);
                break;
            case ListValueSyntax list:
                WriteList(list, depth);
                break;
        }
    }

    private void WriteList(ListValueSyntax list, int depth)
    {
        var inline = list.Items.All(i => !Contains(i, TokenKind.TextBlock) && !HasComments(i.FirstToken) && !(i is ListValueSyntax nested && HasCommentsInside(nested)))
            && !HasComments(list.CloseBracket)
            ? InlineValue(list)
            : null;
        if (inline is not null && CurrentColumn() + inline.Length <= MaxWidth)
        {
            output.Append(inline);
            return;
        }

        output.Append('[');
        if (list.Items.Count == 0)
        {
            WriteTrailingComment(list.CloseBracket);
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            output.Append('\n');
            WriteLeading(item.FirstToken, depth + 1, first: i == 0);
            Indent(depth + 1);
            WriteValue(item, depth + 1);
            output.Append(',');
            WriteTrailingComment(i + 1 < list.Items.Count ? list.Items[i + 1].FirstToken : list.CloseBracket);
        }

        output.Append('\n');
        if (HasComments(list.CloseBracket, afterFirstLine: true))
        {
            WriteLeading(list.CloseBracket, depth + 1, first: false);
        }

        Indent(depth);
        output.Append(']');
    }

    private static string InlineValue(ValueSyntax value) => value switch
    {
        TokenValueSyntax single => single.Token.Text,
        ListValueSyntax list => "[" + string.Join(", ", list.Items.Select(InlineValue)) + "]",
        _ => string.Empty,
    };

    /// <summary>Writes the block's lines at the new indentation: the dedented content, and so the value, stays the same.</summary>
    private void WriteTextBlock(Token block, int depth)
    {
        output.Append("\"\"\"");
        var content = (string)block.Value!;
        var prefix = string.Concat(Enumerable.Repeat(Indentation, depth + 1));
        if (block.Span.Length > 0)
        {
            foreach (var line in content.Split('\n'))
            {
                output.Append('\n');
                if (line.Length > 0)
                {
                    output.Append(prefix).Append(line);
                }
            }
        }

        output.Append('\n').Append(prefix).Append("\"\"\"");
    }

    /// <summary>
    /// Comments between a field's own tokens (after its name, its colon, its '[' or a comma) have no
    /// line of their own in the canonical layout: they move to lines just above the field, never lost.
    /// </summary>
    private void WriteInnerComments(MemberSyntax member, int depth)
    {
        var tokens = new List<Token?>();
        if (member is DeclarationSyntax declaration)
        {
            tokens.Add(declaration.Identifier);
            tokens.Add(declaration.OpenBrace);
        }
        else if (member is FieldSyntax field)
        {
            tokens.Add(field.AtSign);
            tokens.Add(field.LanguageTag);
            tokens.Add(field.Colon);
            AddValueTokens(field.Value, tokens, first: true);
        }

        foreach (var token in tokens)
        {
            foreach (var trivia in token?.LeadingTrivia ?? default)
            {
                if (trivia.Kind == TriviaKind.Comment)
                {
                    Indent(depth);
                    output.Append(CommentText(trivia)).Append('\n');
                }
            }
        }
    }

    /// <summary>The value's tokens whose comments the list layout has no place for: brackets opening lists, commas, a lone value.</summary>
    private static void AddValueTokens(ValueSyntax value, List<Token?> tokens, bool first)
    {
        switch (value)
        {
            case TokenValueSyntax single when first:
                tokens.Add(single.Token);
                break;
            case ListValueSyntax list:
                if (first)
                {
                    tokens.Add(list.OpenBracket);
                }

                tokens.AddRange(list.Separators.Select(t => (Token?)t));
                foreach (var item in list.Items)
                {
                    AddValueTokens(item, tokens, first: false);
                }

                break;
        }
    }

    /// <summary>Comments and blank lines before a token that starts its own line.</summary>
    private void WriteLeading(Token token, int depth, bool first)
    {
        var newlines = 0;
        var seenLineBreak = first;
        foreach (var trivia in token.LeadingTrivia)
        {
            switch (trivia.Kind)
            {
                case TriviaKind.EndOfLine:
                    newlines++;
                    seenLineBreak = true;
                    break;
                case TriviaKind.Comment when seenLineBreak:
                    if (newlines > 1 && !first)
                    {
                        output.Append('\n');
                    }

                    Indent(depth);
                    output.Append(CommentText(trivia)).Append('\n');
                    newlines = 0;
                    first = false;
                    break;
            }
        }

        if (newlines > 1 && !first)
        {
            output.Append('\n');
        }
    }

    /// <summary>A comment on the same line as the end of the previous token stays at the end of that line.</summary>
    private void WriteTrailingComment(Token next)
    {
        foreach (var trivia in next.LeadingTrivia)
        {
            if (trivia.Kind == TriviaKind.EndOfLine)
            {
                return;
            }

            if (trivia.Kind == TriviaKind.Comment)
            {
                output.Append("  ").Append(CommentText(trivia));
            }
        }
    }

    private string CommentText(Trivia trivia) => text.Substring(trivia.Span.Start, trivia.Span.Length).TrimEnd();

    private int CurrentColumn()
    {
        var start = output.Length;
        while (start > 0 && output[start - 1] != '\n')
        {
            start--;
        }

        return output.Length - start;
    }

    private void Indent(int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            output.Append(Indentation);
        }
    }

    private static int Newlines(TriviaList trivia) => trivia.Count(t => t.Kind == TriviaKind.EndOfLine);

    private static bool HasComments(Token token, bool afterFirstLine = false)
    {
        var seenLineBreak = !afterFirstLine;
        foreach (var trivia in token.LeadingTrivia)
        {
            seenLineBreak |= trivia.Kind == TriviaKind.EndOfLine;
            if (trivia.Kind == TriviaKind.Comment && seenLineBreak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Comments between a field's own tokens; the layout then keeps them on lines of their own.</summary>
    private static bool HasCommentsInside(FieldSyntax field) =>
        new[] { field.AtSign, field.LanguageTag, field.Colon }.Any(t => t is { } token && HasComments(token)) || HasCommentsInside(field.Value);

    private static bool HasCommentsInside(ValueSyntax value) => value switch
    {
        TokenValueSyntax single => HasComments(single.Token),
        ListValueSyntax list => HasComments(list.OpenBracket) || HasComments(list.CloseBracket)
            || list.Separators.Any(s => HasComments(s)) || list.Items.Any(HasCommentsInside),
        _ => false,
    };

    private static bool Contains(ValueSyntax value, TokenKind kind) => value switch
    {
        TokenValueSyntax single => single.Token.Kind == kind,
        ListValueSyntax list => list.Items.Any(i => Contains(i, kind)),
        _ => false,
    };
}
