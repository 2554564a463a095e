using YamlDotNet.RepresentationModel;

namespace AmiAutomation.Lambda.Tests.Template;

public sealed class TemplateTests
{
    private static readonly int[] RetentionChoices = [7, 14, 30, 60, 90, 180, 365];

    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void Globals_SetRuntimeAndArchitecturesOnce()
    {
        var globals = (YamlMappingNode)SamTemplate.Child(_template.Root, "Globals", "Function")!;
        Assert.Equal("provided.al2023", SamTemplate.Scalar(globals, "Runtime"));
        Assert.NotNull(SamTemplate.Child(globals, "Architectures"));

        // `sam build` rewrites the relative CodeUri of resources, not Globals': each function names the artifact itself.
        Assert.Null(SamTemplate.Child(globals, "CodeUri"));

        // SAM concatenates list-valued Globals with the function's own: a second Architectures breaks the stack.
        var codeUris = new HashSet<string?>(StringComparer.Ordinal);
        foreach (var (logicalId, _, properties) in _template.Functions())
        {
            Assert.True(SamTemplate.Child(properties, "Architectures") is null, $"{logicalId} repeats Architectures");
            codeUris.Add(SamTemplate.Scalar(properties, "CodeUri"));
        }

        // One artifact serves every function.
        Assert.Equal("artifacts/lambda/bootstrap-x86_64.zip", Assert.Single(codeUris));
    }

    [Theory]
    [InlineData("DeprecateDryRun", "true")]
    [InlineData("ExpireDryRun", "true")]
    [InlineData("CopyDryRun", "true")]
    [InlineData("RestoreDryRun", "false")]
    public void DryRun_PerFunction_SafeDefaults(string parameter, string expected)
    {
        var dryRun = (YamlMappingNode)SamTemplate.Child(_template.Root, "Parameters", parameter)!;
        Assert.Equal(expected, SamTemplate.Scalar(dryRun, "Default"));
    }

    [Fact]
    public void RetentionParameters_OfferTheSameChoices()
    {
        Assert.Equal(RetentionChoices, AllowedValues("ImageRetentionDays"));
        Assert.Equal(RetentionChoices, AllowedValues("SnapshotRetentionDays"));
    }

    [Fact]
    public void RetentionRules_AllowOnlySnapshotRetentionAtLeastImageRetention()
    {
        var rules = _template.Section("Rules").Children.Values.OfType<YamlMappingNode>().ToList();
        foreach (var imageDays in RetentionChoices)
        {
            var rule = Assert.Single(rules, r => RuleConditionValue(r) == imageDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var allowed = AssertedSnapshotChoices(rule);
            var expected = RetentionChoices.Where(d => d >= imageDays).ToArray();
            Assert.Equal(expected, allowed);
        }
    }

    [Fact]
    public void RecycleBinRules_CoverImagesAndSnapshotsWithTheirParameters()
    {
        var rules = _template.ResourcesOfType("AWS::Rbin::Rule").Select(r => SamTemplate.Properties(r.Resource)).ToList();
        var image = Assert.Single(rules, r => SamTemplate.Scalar(r, "ResourceType") == "EC2_IMAGE");
        var snapshot = Assert.Single(rules, r => SamTemplate.Scalar(r, "ResourceType") == "EBS_SNAPSHOT");
        Assert.Equal("ImageRetentionDays", RetentionRef(image));
        Assert.Equal("SnapshotRetentionDays", RetentionRef(snapshot));
    }

    [Fact]
    public void LedgerTable_IsOnDemandWithRecoveryAndTtl()
    {
        var (_, table) = Assert.Single(_template.ResourcesOfType("AWS::DynamoDB::Table"));
        var properties = SamTemplate.Properties(table);
        Assert.Equal("PAY_PER_REQUEST", SamTemplate.Scalar(properties, "BillingMode"));
        Assert.Equal("true", ((YamlScalarNode)SamTemplate.Child(properties, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")!).Value);
        Assert.Equal("true", ((YamlScalarNode)SamTemplate.Child(properties, "TimeToLiveSpecification", "Enabled")!).Value);
    }

    [Fact]
    public void OnDemandRules_ExistOnlyWithAutoEnableOnDemandAndTargetRestore()
    {
        var rules = _template.ResourcesOfType("AWS::Events::Rule").Where(r => r.LogicalId.StartsWith("OnDemand", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r =>
        {
            Assert.Equal("AutoEnableOnDemandOn", ((YamlScalarNode)r.Resource.Children[new YamlScalarNode("Condition")]).Value);
            var target = (YamlMappingNode)((YamlSequenceNode)SamTemplate.Child(r.Resource, "Properties", "Targets")!).Children.Single();
            Assert.Contains("RestoreFunction.Arn", target.Children[new YamlScalarNode("Arn")].ToString(), StringComparison.Ordinal);
        });
        Assert.Equal(2, _template.ResourcesOfType("AWS::Lambda::Permission").Count(p => p.LogicalId.StartsWith("OnDemand", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryFunction_HasItsOwnLogGroupAndAFailureDestination()
    {
        foreach (var (logicalId, handler, properties) in _template.Functions())
        {
            Assert.True(SamTemplate.Child(properties, "LoggingConfig", "LogGroup") is YamlScalarNode, $"{logicalId} ({handler}) has no log group");
            Assert.True(SamTemplate.Child(properties, "EventInvokeConfig", "DestinationConfig", "OnFailure") is not null, $"{logicalId} has no failure destination");
        }
    }

    private int[] AllowedValues(string parameter) =>
        [.. ((YamlSequenceNode)SamTemplate.Child(_template.Root, "Parameters", parameter, "AllowedValues")!)
            .Children.Cast<YamlScalarNode>().Select(n => int.Parse(n.Value!, System.Globalization.CultureInfo.InvariantCulture))];

    private static string? RuleConditionValue(YamlMappingNode rule) =>
        SamTemplate.Child(rule, "RuleCondition") is YamlSequenceNode equals ? ((YamlScalarNode)equals.Children[1]).Value : null;

    private static int[] AssertedSnapshotChoices(YamlMappingNode rule)
    {
        var assertion = (YamlMappingNode)((YamlSequenceNode)SamTemplate.Child(rule, "Assertions")!).Children.Single();
        var contains = (YamlSequenceNode)SamTemplate.Child(assertion, "Assert")!;
        Assert.Equal("SnapshotRetentionDays", ((YamlScalarNode)contains.Children[1]).Value);
        return [.. ((YamlSequenceNode)contains.Children[0]).Children.Cast<YamlScalarNode>()
            .Select(n => int.Parse(n.Value!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static string? RetentionRef(YamlMappingNode rule) =>
        ((YamlScalarNode)SamTemplate.Child(rule, "RetentionPeriod", "RetentionPeriodValue")!).Value;
}
