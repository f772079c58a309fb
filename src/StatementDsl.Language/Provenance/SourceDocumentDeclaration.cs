using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Provenance;

/// <summary>The <c>source_document</c> a file's transcript names, read from its syntax before binding (the generator's parse step).</summary>
internal static class SourceDocumentDeclaration
{
    /// <summary>The value as written, decoded; null when the file's transcript names no document.</summary>
    public static string? Of(SyntaxFile file)
    {
        foreach (var declaration in file.Declarations)
        {
            if (declaration.Kind != DeclarationKind.Transcript)
            {
                continue;
            }

            foreach (var member in declaration.Members)
            {
                if (member is FieldSyntax { Value: TokenValueSyntax { Token: { Kind: TokenKind.String or TokenKind.TextBlock } token } } field
                    && field.Name.ValueText == "source_document")
                {
                    return token.Value as string ?? Decode(token.Text);
                }
            }
        }

        return null;
    }

    /// <summary>A structure-only parse leaves strings undecoded: the one string needed is lexed again alone.</summary>
    private static string? Decode(string literal)
    {
        var source = new SourceFile(string.Empty, literal);
        var tokens = new Lexer(source, new DiagnosticBag(source)).LexAll();
        return tokens.Count > 0 ? tokens[0].Value as string : null;
    }
}
