using System.Diagnostics;

// The floor under reading every passage: the text of every passage copied out of one string
// constant (PassageTexts.cs, written by the benchmark), one string per passage, and summed as the
// read apps sum them. No record, no lookup, no decoding: a bound on what reading the text costs.
var clock = Stopwatch.StartNew();
var texts = PassageTexts.All;
var passages = new List<string>();
var start = 0;
for (var end = texts.IndexOf('\0'); end >= 0; end = texts.IndexOf('\0', start))
{
    passages.Add(texts[start..end]);
    start = end + 1;
}

long characters = 0;
foreach (var passage in passages)
{
    characters += passage.Length;
}

Console.WriteLine($"records={PassageTexts.Records} characters={characters} main_ms={clock.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} jit_methods={System.Runtime.JitInfo.GetCompiledMethodCount()} jit_ms={System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");
