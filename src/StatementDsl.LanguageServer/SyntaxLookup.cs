using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>What stands at a position: the token, its declaration, and its field when it is inside one.</summary>
internal sealed record TokenContext(Token Token, DeclarationSyntax Declaration, FieldSyntax? Field);

/// <summary>A reference or declaration of an id, with the file it is in.</summary>
internal sealed record IdOccurrence(BoundFile File, TextSpan Span, string Id, bool IsDeclaration);

internal static class SyntaxLookup
{
    public static TokenContext? TokenAt(SyntaxFile file, int offset)
    {
        foreach (var declaration in file.Declarations)
        {
            if (Find(declaration, offset) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The innermost declaration whose braces hold <paramref name="offset"/>.</summary>
    public static DeclarationSyntax? DeclarationAt(IEnumerable<DeclarationSyntax> declarations, int offset)
    {
        foreach (var declaration in declarations)
        {
            var end = declaration.CloseBrace.IsMissing ? int.MaxValue : declaration.CloseBrace.Span.Start;
            if (offset >= declaration.OpenBrace.Span.End && offset <= end && !declaration.OpenBrace.IsMissing)
            {
                return DeclarationAt(declaration.Members.OfType<DeclarationSyntax>(), offset) ?? declaration;
            }
        }

        return null;
    }

    /// <summary>Every declaration and reference of every id in the compilation.</summary>
    public static IEnumerable<IdOccurrence> Occurrences(BoundCompilation compilation)
    {
        foreach (var file in compilation.Files)
        {
            foreach (var entity in file.Entities)
            {
                if (entity.Id is not null)
                {
                    yield return new IdOccurrence(file, entity.NameSpan, entity.Id, IsDeclaration: true);
                }

                foreach (var field in entity.Fields)
                {
                    foreach (var reference in References(field.Value))
                    {
                        yield return new IdOccurrence(file, reference.Span, reference.Id, IsDeclaration: false);
                    }
                }
            }
        }
    }

    private static IEnumerable<ReferenceValue> References(BoundValue value) => value switch
    {
        ReferenceValue reference => [reference],
        ListValue list => list.Items.SelectMany(References),
        _ => [],
    };

    private static TokenContext? Find(DeclarationSyntax declaration, int offset)
    {
        if (Contains(declaration.KindToken, offset))
        {
            return new TokenContext(declaration.KindToken, declaration, null);
        }

        if (declaration.Identifier is { } id && Contains(id, offset))
        {
            return new TokenContext(id, declaration, null);
        }

        foreach (var member in declaration.Members)
        {
            if (member is DeclarationSyntax nested && Find(nested, offset) is { } found)
            {
                return found;
            }

            if (member is FieldSyntax field)
            {
                foreach (var token in Tokens(field))
                {
                    if (Contains(token, offset))
                    {
                        return new TokenContext(token, declaration, field);
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<Token> Tokens(FieldSyntax field)
    {
        yield return field.Name;
        foreach (var token in ValueTokens(field.Value))
        {
            yield return token;
        }
    }

    private static IEnumerable<Token> ValueTokens(ValueSyntax value) => value switch
    {
        TokenValueSyntax single => [single.Token],
        ListValueSyntax list => list.Items.SelectMany(ValueTokens),
        _ => [],
    };

    /// <summary>A token holds the positions from its first character to just after its last, so a cursor at its end still finds it.</summary>
    private static bool Contains(Token token, int offset) => !token.IsMissing && offset >= token.Span.Start && offset <= token.Span.End;
}
