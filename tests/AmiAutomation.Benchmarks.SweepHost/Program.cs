using AmiAutomation.Benchmarks.SweepHost;

// Peak RSS of one real expire sweep over a simulated fleet, Native AOT (see SweepMeasurement; usage in SweepHostOptions).
var (options, problems) = SweepHostOptions.Parse(args);
if (options is null)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("sweep-host: " + problem);
    }

    Console.Error.WriteLine("usage: " + SweepHostOptions.Usage);
    return 2;
}

return await SweepMeasurement.RunAsync(options, Console.Out);
