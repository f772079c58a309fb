using System.Diagnostics;

namespace StatementDsl.Benchmarks;

/// <summary>Medians of parse + bind and STJ timed in alternated turns, and of the ratio of each turn's pair.</summary>
internal sealed record FrontEndTurnFigures(double ParseAndBindMs, double StjMs, double ParseVersusStj);

/// <summary>
/// Parse + bind of the corpus against STJ deserializing the same records, in alternated turns in one
/// process: BenchmarkDotNet measures each method in turn, over a minute, and this machine changes
/// speed over minutes (STJ's mean moved from 111 to 166 ms between two front-end runs of the same
/// code), which moves a ratio of two such means as much as a change to the front end would. A pair
/// timed within one turn shares the machine's state; the median of the turns' ratios is the figure.
/// </summary>
internal static class FrontEndTurns
{
    private const int WarmUpTurns = 3;

    public static FrontEndTurnFigures Run(Corpus corpus, int turns)
    {
        var benchmark = new FrontEndBenchmark();
        benchmark.Setup();
        var ours = new List<double>(turns);
        var stj = new List<double>(turns);
        var ratios = new List<double>(turns);
        for (var turn = 0; turn < WarmUpTurns + turns; turn++)
        {
            // Back to back, as BenchmarkDotNet runs a method's invocations: each meets the garbage of the one before, and which runs first alternates.
            double oursMs;
            double stjMs;
            if (turn % 2 == 0)
            {
                oursMs = Time(() => benchmark.ParseAndBind());
                stjMs = Time(() => benchmark.StjDeserialize());
            }
            else
            {
                stjMs = Time(() => benchmark.StjDeserialize());
                oursMs = Time(() => benchmark.ParseAndBind());
            }

            if (turn >= WarmUpTurns)
            {
                ours.Add(oursMs);
                stj.Add(stjMs);
                ratios.Add(stjMs / oursMs * corpus.StatementBytes / corpus.JsonBytes);
            }
        }

        return new FrontEndTurnFigures(Median(ours), Median(stj), Median(ratios));
    }

    private static double Time(Func<object?> work)
    {
        var stopwatch = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
