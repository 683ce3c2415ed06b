package org.learninglog.store.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signs chain checkpoints with an Ed25519 key kept outside the database (a file beside the data,
 * or wherever {@code learninglog.integrity.key-file} says), so that someone who can rewrite the
 * database, events and seals alike, still cannot produce checkpoints that match.
 */
public final class CheckpointSigner {

    private static final String ALGORITHM = "Ed25519";
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointSigner(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
    }

    /** Loads the key from {@code file}, creating it (owner-readable only where the file system allows) on first use. */
    public static CheckpointSigner fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                String[] lines = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\n");
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                return new CheckpointSigner(new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines[1].trim()))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0].trim())))));
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            return new CheckpointSigner(pair);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the checkpoint signing key at " + file, e);
        }
    }

    /** A key held in memory only (tests and benchmarks). */
    public static CheckpointSigner ephemeral() {
        try {
            return new CheckpointSigner(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(String statement) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(String statement, String signed) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signed));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key, for anyone who wants to check checkpoints without this code. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    static String statement(String programme, long count, long position, String hash) {
        return "learning-log-checkpoint|" + programme + "|" + count + "|" + position + "|" + hash;
    }
}
