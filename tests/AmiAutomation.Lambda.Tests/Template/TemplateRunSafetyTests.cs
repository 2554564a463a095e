using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

/// <summary>The template's side of "one destructive run at a time", per-function dry-run, schedules and log levels.</summary>
public sealed class TemplateRunSafetyTests
{
    private readonly SamTemplate _template = SamTemplate.Load();

    private YamlMappingNode Function(string handler) => _template.Functions().Single(f => f.Handler == handler).Properties;

    [Theory]
    [InlineData("deprecate", "DeprecateDryRun")]
    [InlineData("expire", "ExpireDryRun")]
    [InlineData("copy", "CopyDryRun")]
    [InlineData("restore", "RestoreDryRun")]
    public void EveryFunction_DryRunFromItsOwnParameter(string handler, string parameter)
    {
        var variables = (YamlMappingNode)SamTemplate.Child(Function(handler), "Environment", "Variables")!;

        Assert.Equal(parameter, SamTemplate.Scalar(variables, "DRY_RUN"));
        var defaultValue = SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(_template.Root, "Parameters", parameter)!, "Default");
        Assert.Equal(defaultValue, TemplateEnvironment.For(handler)["DRY_RUN"]);
    }

    [Fact]
    public void Globals_SetNoSharedDryRun()
    {
        var globals = SamTemplate.Child(_template.Root, "Globals", "Function", "Environment", "Variables") as YamlMappingNode;

        Assert.Null(globals is null ? null : SamTemplate.Scalar(globals, "DRY_RUN"));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("expire")]
    [InlineData("restore")]
    public void DestructiveFunctions_ReserveExactlyOneConcurrentExecution(string handler)
    {
        Assert.Equal("1", SamTemplate.Scalar(Function(handler), "ReservedConcurrentExecutions"));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("expire")]
    public void Schedules_SendSourceScheduleExplicitly(string handler)
    {
        var events = (YamlMappingNode)SamTemplate.Child(Function(handler), "Events")!;
        var schedules = events.Children.Values.OfType<YamlMappingNode>().Where(e => SamTemplate.Scalar(e, "Type") == "ScheduleV2").ToList();

        Assert.NotEmpty(schedules);
        Assert.All(schedules, s => Assert.Equal("""{"source": "schedule"}""", SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(s, "Properties")!, "Input")));
    }

    [Fact]
    public void LambdaLogLevel_KeepsInfoEverywhere_StackLevelGoesToOurLogger()
    {
        // Lambda drops JSON lines below ApplicationLogLevel; EMF lines count as INFO, so anything above INFO loses the metrics.
        var globals = (YamlMappingNode)SamTemplate.Child(_template.Root, "Globals", "Function")!;
        Assert.Equal("INFO", SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(globals, "LoggingConfig")!, "ApplicationLogLevel"));
        Assert.Equal("LogLevel", SamTemplate.Scalar((YamlMappingNode)SamTemplate.Child(globals, "Environment", "Variables")!, "AMI_AUTOMATION_LOG_LEVEL"));
        foreach (var (logicalId, _, properties) in _template.Functions())
        {
            var level = SamTemplate.Child(properties, "LoggingConfig") is YamlMappingNode logging ? SamTemplate.Scalar(logging, "ApplicationLogLevel") : null;
            Assert.True(level is null or "INFO" or "DEBUG" or "TRACE", $"{logicalId} sets ApplicationLogLevel {level}: EMF metrics would be dropped");
        }
    }

    [Theory]
    [InlineData("deprecate", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem")]
    [InlineData("expire", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem")]
    [InlineData("restore", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem")]
    public void DestructiveFunctions_MayTakeAndReleaseTheRunLease(string handler, params string[] actions)
    {
        var granted = SamTemplate.GrantedActions(Function(handler));

        Assert.All(actions, a => Assert.Contains(a, granted));
    }
}
