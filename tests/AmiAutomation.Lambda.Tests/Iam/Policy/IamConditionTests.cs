namespace AmiAutomation.Lambda.Tests.Iam.Policy;

public sealed class IamConditionTests
{
    private const string Keep = "aws:ResourceTag/ami-lifecycle:keep";

    [Theory]
    [InlineData("StringEquals", "false", "false", true)]
    [InlineData("StringEquals", "False", "false", false)]
    [InlineData("StringNotEquals", "False", "false", true)]
    [InlineData("StringNotEquals", "false", "false", false)]
    [InlineData("StringEqualsIgnoreCase", "FALSE", "false", true)]
    [InlineData("StringEqualsIgnoreCase", " false", "false", false)]
    [InlineData("StringNotEqualsIgnoreCase", "FaLsE", "false", false)]
    [InlineData("StringNotEqualsIgnoreCase", "yes", "false", true)]
    [InlineData("StringLike", "prod-web", "prod-*", true)]
    [InlineData("StringLike", "Prod-web", "prod-*", false)]
    [InlineData("StringNotLike", "dev-web", "prod-*", true)]
    [InlineData("Bool", "TRUE", "true", true)]
    public void SingleValuedKey_PresentValue(string op, string tagValue, string policyValue, bool expected) =>
        Assert.Equal(expected, new IamCondition(op, Keep, [policyValue]).IsSatisfiedBy(Tagged(tagValue)));

    [Theory]
    [InlineData("StringEquals", false)]
    [InlineData("StringEqualsIgnoreCase", false)]
    [InlineData("StringLike", false)]
    [InlineData("Bool", false)]
    [InlineData("StringNotEquals", true)]
    [InlineData("StringNotEqualsIgnoreCase", true)]
    [InlineData("StringNotLike", true)]
    public void SingleValuedKey_Missing_PositiveFalse_NegatedTrue(string op, bool expected) =>
        Assert.Equal(expected, new IamCondition(op, Keep, ["false"]).IsSatisfiedBy(Untagged()));

    [Fact]
    public void SeveralPolicyValues_PositiveIsAnyOf_NegatedIsNoneOf()
    {
        Assert.True(new IamCondition("StringEquals", Keep, ["no", "false"]).IsSatisfiedBy(Tagged("false")));
        Assert.False(new IamCondition("StringNotEquals", Keep, ["no", "false"]).IsSatisfiedBy(Tagged("false")));
        Assert.True(new IamCondition("StringNotEquals", Keep, ["no", "false"]).IsSatisfiedBy(Tagged("true")));
    }

    [Theory]
    [InlineData("true", false, true)]
    [InlineData("true", true, false)]
    [InlineData("false", true, true)]
    [InlineData("false", false, false)]
    public void Null_TrueMeansMissing(string policyValue, bool tagged, bool expected) =>
        Assert.Equal(expected, new IamCondition("Null", Keep, [policyValue]).IsSatisfiedBy(tagged ? Tagged(string.Empty) : Untagged()));

    [Fact]
    public void ConditionKeyNames_AreCaseInsensitive() =>
        Assert.True(new IamCondition("StringEquals", "AWS:resourcetag/AMI-LIFECYCLE:KEEP", ["x"]).IsSatisfiedBy(Tagged("x")));

    [Fact]
    public void ResourceTag_ReadThroughEc2Prefix_Too() =>
        Assert.True(new IamCondition("StringEquals", "ec2:ResourceTag/ami-lifecycle:keep", ["x"]).IsSatisfiedBy(Tagged("x")));

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "ami-lifecycle:recycle-bin" }, true)]
    [InlineData(new[] { "ami-lifecycle:recycle-bin", "owner" }, false)]
    [InlineData(new[] { "owner" }, false)]
    public void ForAllValues_EveryRequestValueMustMatch_VacuouslyTrue(string[] keys, bool expected)
    {
        var request = new IamRequest("ec2:CreateTags", "*") { RequestTags = keys.ToDictionary(k => k, _ => "v") };
        Assert.Equal(expected, new IamCondition("ForAllValues:StringEquals", "aws:TagKeys", ["ami-lifecycle:recycle-bin"]).IsSatisfiedBy(request));
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "ec2-images.amazonaws.com" }, true)]
    [InlineData(new[] { "cloudformation.amazonaws.com", "ec2-images.amazonaws.com" }, true)]
    [InlineData(new[] { "cloudformation.amazonaws.com" }, false)]
    public void ForAnyValue_SomeRequestValueMustMatch_FalseWhenMissing(string[] via, bool expected)
    {
        var request = new IamRequest("ssm:GetParameters", "*") { CalledVia = via };
        Assert.Equal(expected, new IamCondition("ForAnyValue:StringEquals", "aws:CalledVia", ["ec2-images.amazonaws.com"]).IsSatisfiedBy(request));
    }

    [Fact]
    public void NegatedQualified_AppliesPerRequestValue()
    {
        var request = new IamRequest("ec2:CreateTags", "*") { RequestTags = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        Assert.False(new IamCondition("ForAllValues:StringNotEquals", "aws:TagKeys", ["a"]).IsSatisfiedBy(request));
        Assert.True(new IamCondition("ForAnyValue:StringNotEquals", "aws:TagKeys", ["a"]).IsSatisfiedBy(request));
    }

    [Fact]
    public void CalledViaFirstAndLast_ReadTheChainEnds()
    {
        var request = new IamRequest("ssm:GetParameters", "*") { CalledVia = ["cloudformation.amazonaws.com", "ec2-images.amazonaws.com"] };
        Assert.True(new IamCondition("StringEquals", "aws:CalledViaFirst", ["cloudformation.amazonaws.com"]).IsSatisfiedBy(request));
        Assert.True(new IamCondition("StringEquals", "aws:CalledViaLast", ["ec2-images.amazonaws.com"]).IsSatisfiedBy(request));
    }

    [Fact]
    public void OtherContextKeys_ReadFromContext()
    {
        var request = new IamRequest("kms:Decrypt", "*") { Context = new Dictionary<string, string> { ["kms:ViaService"] = "ec2.eu-west-1.amazonaws.com" } };
        Assert.True(new IamCondition("StringLike", "kms:ViaService", ["ec2.*.amazonaws.com"]).IsSatisfiedBy(request));
        Assert.False(new IamCondition("StringLike", "kms:ViaService", ["ec2.*.amazonaws.com"]).IsSatisfiedBy(new IamRequest("kms:Decrypt", "*")));
    }

    [Fact]
    public void MultiValuedKey_WithoutQualifier_Throws()
    {
        var request = new IamRequest("ssm:GetParameters", "*") { CalledVia = ["a", "b"] };
        Assert.Throws<NotSupportedException>(() => new IamCondition("StringEquals", "aws:CalledVia", ["a"]).IsSatisfiedBy(request));
    }

    [Theory]
    [InlineData("StringEqualsIfExists")]
    [InlineData("ArnLike")]
    [InlineData("NumericLessThan")]
    [InlineData("DateGreaterThan")]
    public void UnmodelledOperator_Throws(string op) =>
        Assert.Throws<NotSupportedException>(() => new IamCondition(op, Keep, ["x"]).IsSatisfiedBy(Tagged("x")));

    [Fact]
    public void IgnoreCase_FoldsAsciiOnly()
    {
        // U+017F (long s) upper-cases to 'S' in .NET; IAM's folding of it is undocumented, so it is not "false".
        Assert.False(new IamCondition("StringEqualsIgnoreCase", Keep, ["false"]).IsSatisfiedBy(Tagged("fal\u017Fe")));
    }

    private static IamRequest Tagged(string keep) =>
        new("ec2:DeregisterImage", "arn:aws:ec2:eu-west-1::image/ami-1") { ResourceTags = new Dictionary<string, string> { ["ami-lifecycle:keep"] = keep } };

    private static IamRequest Untagged() => new("ec2:DeregisterImage", "arn:aws:ec2:eu-west-1::image/ami-1");
}
