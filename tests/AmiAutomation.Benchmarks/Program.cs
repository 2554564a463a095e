using AmiAutomation.Benchmarks.Calls;
using AmiAutomation.Benchmarks.ColdStart;
using AmiAutomation.Benchmarks.Throttle;
using BenchmarkDotNet.Running;

// Figures programs by name; anything else goes to BenchmarkDotNet (e.g. `--filter '*Planning*' '*ReferenceIndex*'`).
//   coldstart --aot <bootstrap> --jit <dll> [--runs N]   start-up, Native AOT against JIT
//   calls [--images 1000,10000,50000]                     EC2 calls per inventory and per dry-run expire sweep
//   throttle [--deregistrations 1000] [--clock virtual|real]   deregistrations under EC2's token buckets
return args switch
{
    ["coldstart", .. var rest] => await ColdStartCommand.RunAsync(rest, Console.Out),
    ["calls", .. var rest] => await CallsCommand.RunAsync(rest, Console.Out),
    ["throttle", .. var rest] => await ThrottleCommand.RunAsync(rest, Console.Out),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
