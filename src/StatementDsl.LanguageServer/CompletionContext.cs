using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>Where the cursor stands, for completion: a field's value, a list item of one, a member, or nowhere completion belongs.</summary>
internal enum CompletionPlace
{
    /// <summary>Inside a string, a text block or a comment: prose, where nothing is offered.</summary>
    None,

    /// <summary>Where a field, a nested declaration or (at the top of a file) a declaration may start.</summary>
    Member,

    /// <summary>After <c>name:</c>, or inside its list: <see cref="CompletionContext.FieldName"/> says which field.</summary>
    Value,
}

/// <summary>
/// What completion needs to know of the cursor's position, read from the file's tokens rather than
/// its line of text: the typed prefix (an identifier the cursor is in or just after) and the place it
/// stands, so that <c>by: ja</c> offers ids that start with <c>ja</c>, and a space typed inside Arabic
/// prose, a string or a comment offers nothing.
/// </summary>
internal sealed record CompletionContext(CompletionPlace Place, string Prefix, int PrefixStart, string? FieldName)
{
    public static CompletionContext At(SourceFile file, int offset)
    {
        var tokens = new Lexer(file, new DiagnosticBag(file)).LexAll();
        foreach (var token in tokens)
        {
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == TriviaKind.Comment && offset > trivia.Span.Start && offset <= trivia.Span.End)
                {
                    return new CompletionContext(CompletionPlace.None, string.Empty, offset, null);
                }
            }
        }

        // The token the cursor is inside, or just after the end of.
        var at = tokens.FindIndex(t => !t.IsMissing && t.Kind != TokenKind.EndOfFile && offset > t.Span.Start && offset <= t.Span.End);
        var prefix = string.Empty;
        var prefixStart = offset;
        var before = at;
        if (at >= 0)
        {
            var token = tokens[at];
            if (token.Kind is TokenKind.String or TokenKind.TextBlock && (offset < token.Span.End || token.IsUnterminated || !ClosesItself(file.Text, token)))
            {
                return new CompletionContext(CompletionPlace.None, string.Empty, offset, null);
            }

            if (token.Kind == TokenKind.Identifier)
            {
                prefix = file.Text.Substring(token.Span.Start, offset - token.Span.Start);
                prefixStart = token.Span.Start;
                before = at - 1;
            }
        }
        else
        {
            before = tokens.FindLastIndex(t => !t.IsMissing && t.Kind != TokenKind.EndOfFile && t.Span.End <= offset);
        }

        return before < 0 ? new CompletionContext(CompletionPlace.Member, prefix, prefixStart, null) : Classify(tokens, before, prefix, prefixStart);
    }

    /// <summary>A text block ends with its closing quotes; one left open runs to the end of the file, and the cursor is still inside it.</summary>
    private static bool ClosesItself(string text, Token token) => token.Span.Length >= 2 && text[token.Span.End - 1] == '"';

    /// <summary>The place after token <paramref name="previous"/>: a value after <c>name:</c> or <c>name@tag:</c>, an item after <c>[</c> or <c>,</c> of such a field's list, else a member.</summary>
    private static CompletionContext Classify(List<Token> tokens, int previous, string prefix, int prefixStart)
    {
        var token = tokens[previous];
        if (token.Kind == TokenKind.Colon)
        {
            return new CompletionContext(CompletionPlace.Value, prefix, prefixStart, FieldNameBefore(tokens, previous));
        }

        if (token.Kind is TokenKind.OpenBracket or TokenKind.Comma)
        {
            // Back over the list's items to its '[', then the field it is the value of.
            var index = previous;
            while (index >= 0 && tokens[index].Kind is not (TokenKind.OpenBracket or TokenKind.OpenBrace or TokenKind.CloseBrace or TokenKind.Colon))
            {
                index--;
            }

            if (index > 0 && tokens[index].Kind == TokenKind.OpenBracket && tokens[index - 1].Kind == TokenKind.Colon)
            {
                return new CompletionContext(CompletionPlace.Value, prefix, prefixStart, FieldNameBefore(tokens, index - 1));
            }
        }

        return new CompletionContext(CompletionPlace.Member, prefix, prefixStart, null);
    }

    /// <summary>The field name before the colon at <paramref name="colon"/>: <c>name:</c> or <c>name@tag:</c>.</summary>
    private static string? FieldNameBefore(List<Token> tokens, int colon)
    {
        var name = colon >= 3 && tokens[colon - 2].Kind == TokenKind.At ? colon - 3 : colon - 1;
        return name >= 0 && tokens[name].Kind == TokenKind.Identifier ? tokens[name].ValueText : null;
    }
}
