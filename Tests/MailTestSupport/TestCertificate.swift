import Foundation

/// A self-signed certificate for `localhost` (valid a hundred years) and its key, made for these
/// tests only with `openssl req -x509 -newkey ec`: the SMTP server in the test process offers
/// STARTTLS with it, and the client trusts it as its one root.
public enum TestCertificate {
    public static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBmzCCAUGgAwIBAgIUPNZCc+3d5Cjnpef++hMI7CP06QMwCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMTExNTYwNloYDzIxMjYxMTA3
        MTE1NjA2WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAAToO7lfJvvvBFJWISk+mw7czpT+oyd1yBpVkz0PzBEOnRZryw5FDoTm
        n91i4kTX6lKHmD2XDiC2Joghv1fniQt5o28wbTAdBgNVHQ4EFgQUvCZp+VbbAv0w
        eRqhnNDLyrftnrowHwYDVR0jBBgwFoAUvCZp+VbbAv0weRqhnNDLyrftnrowDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSAAwRQIhAIsAU/XWoJFaQP5H4ljUgzuDx13xLK3LC0kQOLLvR+ZWAiB6
        nsFAj0gnpVZ738ykr94Ac2xp3z+nQtEPdFdFZR2hCA==
        -----END CERTIFICATE-----
        """

    public static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgl1Aill5Fjm32SfDM
        hOVTsNG5fu3fMzuqf86XDud3LbmhRANCAAToO7lfJvvvBFJWISk+mw7czpT+oyd1
        yBpVkz0PzBEOnRZryw5FDoTmn91i4kTX6lKHmD2XDiC2Joghv1fniQt5
        -----END PRIVATE KEY-----
        """

    /// The certificate in a file of its own (what `SMTPSettings.trustedCertificatesFile` names),
    /// in the temporary folder.
    public static func certificateFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("renewal-smtp-test-\(UUID().uuidString).pem")
        try certificatePEM.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
