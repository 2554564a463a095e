using AmiAutomation.Benchmarks.ColdStart;
using BenchmarkDotNet.Running;

// `coldstart --aot <bootstrap> --jit <dll> [--runs N]` measures start-up; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "coldstart")
{
    return await ColdStartCommand.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
