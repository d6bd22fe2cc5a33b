using BenchmarkDotNet.Running;
using Rampart.Benchmarks.Throughput;

return args switch
{
    ["throughput", .. var rest] => ThroughputCommand.Run(rest),
    ["measure", .. var rest] => ThroughputCommand.Measure(rest),
    ["correlation-memory", .. var rest] => Rampart.Benchmarks.Correlation.CorrelationMemoryCommand.Run(rest),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ThroughputCommand).Assembly).Run(args);
    return 0;
}
