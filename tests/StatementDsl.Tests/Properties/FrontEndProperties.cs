using CsCheck;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Tests.Properties;

/// <summary>
/// The fuzzing harness: no input makes the front end throw or hang, and every diagnostic lies inside
/// the text. The iteration count is modest here; set STATEMENTDSL_FUZZ_ITERATIONS for a long run
/// (docs/security.md).
/// </summary>
public class FrontEndProperties
{
    internal static long Iterations(long normal) =>
        long.TryParse(Environment.GetEnvironmentVariable("STATEMENTDSL_FUZZ_ITERATIONS"), out var configured) ? configured : normal;

    private static void FrontEndIsTotal(string text)
    {
        var file = Parser.Parse(new SourceFile("fuzz.stmt", text));
        var bound = Binder.Bind([file]);
        foreach (var diagnostic in bound.Diagnostics)
        {
            Assert.InRange(diagnostic.Location.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Location.Span.End, diagnostic.Location.Span.Start, text.Length);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }
    }

    [Fact]
    public void Arbitrary_text_never_throws_and_spans_stay_inside() =>
        Documents.Arbitrary.Sample(FrontEndIsTotal, iter: Iterations(3000), time: -1);

    [Fact]
    public void Mutated_documents_never_throw_and_spans_stay_inside() =>
        Documents.Mutated.Sample(FrontEndIsTotal, iter: Iterations(1500), time: -1);

    [Fact]
    public void Generated_documents_are_valid() =>
        Documents.Valid.Sample(text => Assert.DoesNotContain(TestText.Compile(text).Diagnostics, d => d.Severity == StatementDsl.Language.Diagnostics.Severity.Error), iter: Iterations(500));

    [Fact]
    public void Binding_is_independent_of_file_order()
    {
        Gen.Select(Documents.Valid, Documents.Valid).Sample((a, b) =>
        {
            var forward = Binder.Bind([Parser.Parse(new SourceFile("a.stmt", a)), Parser.Parse(new SourceFile("b.stmt", b))]);
            var backward = Binder.Bind([Parser.Parse(new SourceFile("b.stmt", b)), Parser.Parse(new SourceFile("a.stmt", a))]);
            Assert.Equal(forward.Diagnostics.Select(d => d.ToString()), backward.Diagnostics.Select(d => d.ToString()));
        }, iter: Iterations(200));
    }
}
