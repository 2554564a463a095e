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

    [Theory]
    [InlineData("eu-west-1 ")]
    [InlineData(" eu-west-1")]
    [InlineData("EU-WEST-1")]
    [InlineData("xx")]
    [InlineData("eu-west-1\n")]
    [InlineData("eu_west_1")]
    public void Factory_MalformedRegion_FailsAtInitWithAConfigurationErrorNamingIt(string region)
    {
        var environment = TemplateEnvironment("deprecate");
        environment["AWS_REGION"] = region;
        var registry = HandlerRegistry.Create(new DictionaryEnvironmentVariables(environment), TimeProvider.System);
        Assert.True(registry.TryGetFactory("deprecate", out var factory));

        var error = Assert.Throws<ConfigurationException>(() => factory!());

        Assert.Contains("AWS_REGION=", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an AWS region name", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The environment template.yaml gives the function (parameters at their defaults), plus what Lambda adds.</summary>
    private static Dictionary<string, string> TemplateEnvironment(string handler)
    {
        var values = Template.TemplateEnvironment.For(handler);
        values["AWS_REGION"] = "eu-west-1";
        values["AWS_ACCESS_KEY_ID"] = "test";
        values["AWS_SECRET_ACCESS_KEY"] = "test";
        return values;
    }
}
