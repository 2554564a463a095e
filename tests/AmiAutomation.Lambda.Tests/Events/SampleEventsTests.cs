using System.Text.Json;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.TestKit.Repository;

namespace AmiAutomation.Lambda.Tests.Events;

/// <summary>
/// The lockstep between <c>events/</c> and the registered functions: every sample event names a registered function
/// (file prefix before the first '-') and runs through it on the simulator without an error; every registered function
/// has a sample. What each sample does is tested by the function's own suite.
/// </summary>
public sealed class SampleEventsTests
{
    public static TheoryData<string> EventFiles() => new(RepositoryRoot.EventFiles().Select(Path.GetFileName).OfType<string>());

    private static string HandlerOf(string file) => file.Split('-', 2)[0];

    [Fact]
    public void EventFiles_EachNameARegisteredFunction()
    {
        var files = RepositoryRoot.EventFiles().Select(Path.GetFileName).OfType<string>().ToList();
        Assert.NotEmpty(files);

        var strays = files.Where(f => !HandlerRegistry.Names.Contains(HandlerOf(f))).ToList();

        Assert.True(strays.Count == 0, $"events/ holds files for no registered function: {string.Join(", ", strays)} (registered: {string.Join(", ", HandlerRegistry.Names)}).");
    }

    [Fact]
    public void RegisteredFunctions_EachHaveASampleEvent()
    {
        var covered = RepositoryRoot.EventFiles().Select(Path.GetFileName).OfType<string>().Select(HandlerOf).ToHashSet(StringComparer.Ordinal);

        var missing = HandlerRegistry.Names.Where(n => !covered.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"No events/{{name}}-*.json for: {string.Join(", ", missing)}.");
    }

    [Theory]
    [MemberData(nameof(EventFiles))]
    public async Task Event_RunsThroughItsFunctionWithoutAnError(string file)
    {
        var handler = HandlerOf(file);
        Assert.Contains(handler, HandlerRegistry.Names);
        var json = await File.ReadAllTextAsync(RepositoryRoot.File("events", file));
        using var payload = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, payload.RootElement.ValueKind);
        var stack = new SimulatedStack();
        var region = await SampleWorld.SeedAsync(stack, handler, payload.RootElement);
        var function = stack.Create(handler, region);

        var response = await stack.InvokeAsync(function, json);

        using var output = JsonDocument.Parse(response);
        Assert.Equal(JsonValueKind.Object, output.RootElement.ValueKind);
        var reported = ReportedErrors(output.RootElement).ToList();
        Assert.True(reported.Count == 0, $"{file}: {handler} reported errors: {string.Join(" | ", reported)}");
    }

    /// <summary>Every entry of an <c>errors</c> or <c>failedSources</c> array anywhere in a function's output.</summary>
    private static IEnumerable<string> ReportedErrors(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name is "errors" or "failedSources" && p.Value.ValueKind == JsonValueKind.Array
                ? p.Value.EnumerateArray().Select(e => $"{p.Name}: {e}")
                : ReportedErrors(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(ReportedErrors),
        _ => [],
    };
}
