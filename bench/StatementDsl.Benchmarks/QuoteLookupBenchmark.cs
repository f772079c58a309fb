using System.Text;
using BenchmarkDotNet.Attributes;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Benchmarks;

/// <summary>
/// 4. Quotes checked against their source documents (STMT1017): each meeting file of the corpus gets a
/// generated report holding its passages among as much other prose, and every quote is looked up in
/// it as <c>stmt check</c> does (normalize, index, find), against a plain ordinal <c>IndexOf</c> of each
/// quote in the raw text, which does no normalization at all. The floor normalizes the documents and
/// nothing more. The same three run on one archive-sized document holding the quotes of a tenth of the
/// corpus, where <c>IndexOf</c> costs N × M.
/// </summary>
[MemoryDiagnoser]
public class QuoteLookupBenchmark
{
    private (string Document, string[] Quotes)[] perFile = [];
    private (string Document, string[] Quotes) archive = (string.Empty, []);

    [GlobalSetup]
    public void Setup()
    {
        var compilation = Binder.ParseAndBind(Shared.Corpus.Files.Select(f => new SourceFile(f.Key, f.Value)));
        var random = new Random(2016);
        perFile = compilation.Files
            .Select(file => Report(file, random))
            .Where(r => r.Quotes.Length > 0)
            .ToArray();
        var slice = perFile.Take(Math.Max(1, perFile.Length / 10)).ToArray();
        archive = (string.Concat(slice.Select(s => s.Document)), slice.SelectMany(s => s.Quotes).ToArray());
    }

    public int Files => perFile.Length;

    public int Quotes => perFile.Sum(f => f.Quotes.Length);

    public int DocumentCharacters => perFile.Sum(f => f.Document.Length);

    public int ArchiveQuotes => archive.Quotes.Length;

    public int ArchiveCharacters => archive.Document.Length;

    [Benchmark]
    public int FindPerFile()
    {
        var found = 0;
        foreach (var (document, quotes) in perFile)
        {
            var index = SourceDocumentIndex.Create("report.txt", document);
            foreach (var quote in quotes)
            {
                found += index.Find(quote) is null ? 0 : 1;
            }
        }

        return found;
    }

    [Benchmark(Baseline = true)]
    public int IndexOfPerFile()
    {
        var found = 0;
        foreach (var (document, quotes) in perFile)
        {
            foreach (var quote in quotes)
            {
                found += document.IndexOf(quote, StringComparison.Ordinal) >= 0 ? 1 : 0;
            }
        }

        return found;
    }

    [Benchmark]
    public int NormalizePerFileFloor() => perFile.Sum(f => QuoteText.Normalize(f.Document).Text.Length);

    [Benchmark]
    public int FindInArchive()
    {
        var index = SourceDocumentIndex.Create("archive.txt", archive.Document);
        return archive.Quotes.Count(q => index.Find(q) is not null);
    }

    [Benchmark]
    public int IndexOfInArchive() => archive.Quotes.Count(q => archive.Document.IndexOf(q, StringComparison.Ordinal) >= 0);

    [Benchmark]
    public int NormalizeArchiveFloor() => QuoteText.Normalize(archive.Document).Text.Length;

    /// <summary>A report for one file: its quotes and paraphrases, shuffled, each between two sentences of other words, wrapped at 80 characters.</summary>
    private static (string Document, string[] Quotes) Report(BoundFile file, Random random)
    {
        var passages = file.Entities.SelectMany(e => e.Fields).Where(f => f.Spec.IsContent && f.Value is TextValue).ToList();
        var quotes = passages.Where(p => p.Name == "quote").Select(p => ((TextValue)p.Value).Text).ToArray();
        var words = passages.SelectMany(p => ((TextValue)p.Value).Text.Split(' ')).ToArray();
        var text = new StringBuilder();
        foreach (var passage in passages.OrderBy(_ => random.Next()))
        {
            text.Append(Filler(words, random)).Append(" «").Append(((TextValue)passage.Value).Text).Append("» ").Append(Filler(words, random)).Append('\n');
        }

        return (text.ToString(), quotes);
    }

    private static string Filler(string[] words, Random random) =>
        words.Length == 0 ? string.Empty : string.Join(' ', Enumerable.Range(0, 12).Select(_ => words[random.Next(words.Length)])) + ".";
}
