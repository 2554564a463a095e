using AmiAutomation.Benchmarks.Calls;
using AmiAutomation.Benchmarks.Candidates;
using AmiAutomation.Benchmarks.ColdStart;
using AmiAutomation.Benchmarks.Memory;
using AmiAutomation.Benchmarks.Planning;
using AmiAutomation.Benchmarks.Throttle;
using BenchmarkDotNet.Running;

// Figures programs by name; anything else goes to BenchmarkDotNet (e.g. `--filter '*Planning*' '*ReferenceIndex*'`).
//   coldstart --aot <bootstrap> --jit <dll> [--runs N]   start-up, Native AOT against JIT
//   calls [--images 1000,10000,50000]                     EC2 calls per inventory and per dry-run expire sweep
//   throttle [--deregistrations 1000] [--clock virtual|real]   deregistrations under EC2's token buckets
//   candidates [--images 1000,10000,50000] [--percent 1,10,50] [--also 50000:5]   sweep calls and paced time vs candidates C
//   plantime [--runs 5]                                   planning 100,000 images + 1,000,000 references: wall and CPU time
//   memory [--images 50000]                               live heap per image: mapped inventory and expiry plan
return args switch
{
    ["coldstart", .. var rest] => await ColdStartCommand.RunAsync(rest, Console.Out),
    ["calls", .. var rest] => await CallsCommand.RunAsync(rest, Console.Out),
    ["throttle", .. var rest] => await ThrottleCommand.RunAsync(rest, Console.Out),
    ["candidates", .. var rest] => await CandidatesCommand.RunAsync(rest, Console.Out),
    ["plantime", .. var rest] => await PlanTimeCommand.RunAsync(rest, Console.Out),
    ["memory", .. var rest] => await MemoryCommand.RunAsync(rest, Console.Out),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
