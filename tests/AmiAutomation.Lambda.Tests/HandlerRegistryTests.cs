using AmiAutomation.Lambda.Tests.Template;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Lambda.Tests;

public sealed class HandlerRegistryTests
{
    [Fact]
    public void Names_EqualTheHandlersOfTemplateYaml()
    {
        var inTemplate = SamTemplate.Load().Functions().Select(f => f.Handler).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(inTemplate, HandlerRegistry.Names.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Create_RegistersExactlyTheNames()
    {
        var registry = HandlerRegistry.Create(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), TimeProvider.System);

        Assert.Equal(HandlerRegistry.Names.Order(StringComparer.Ordinal), registry.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("deprecate")]
    [InlineData("copy")]
    [InlineData("expire")]
    [InlineData("restore")]
    public void Factory_WithTheTemplatesEnvironment_BuildsTheFunction(string handler)
    {
        var environment = new DictionaryEnvironmentVariables(TemplateEnvironment(handler));
        var registry = HandlerRegistry.Create(environment, TimeProvider.System);

        Assert.True(registry.TryGetFactory(handler, out var factory));
        var function = factory!();

        Assert.Equal(handler, function.Name);
    }

    [Fact]
    public void Factory_WithoutRegion_FailsWithAConfigurationErrorNamingIt()
    {
        var registry = HandlerRegistry.Create(new DictionaryEnvironmentVariables(new Dictionary<string, string>()), TimeProvider.System);
        Assert.True(registry.TryGetFactory("deprecate", out var factory));

        var error = Assert.Throws<ConfigurationException>(() => factory!());

        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The environment template.yaml gives the function, with parameters at their defaults.</summary>
    private static Dictionary<string, string> TemplateEnvironment(string handler)
    {
        var template = SamTemplate.Load();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
        };
        var (_, _, properties) = template.Functions().Single(f => f.Handler == handler);
        foreach (var variables in new[] { SamTemplate.Child(template.Root, "Globals", "Function", "Environment", "Variables"), SamTemplate.Child(properties, "Environment", "Variables") })
        {
            foreach (var (name, value) in TemplateValues.Resolve((YamlDotNet.RepresentationModel.YamlMappingNode)variables!, template))
            {
                values[name] = value;
            }
        }

        return values;
    }
}
