package org.learninglog.security.session;

import org.learninglog.security.HoldsPasswordHash;
import org.learninglog.security.membership.MembershipView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Writes a session's attributes (the signed-in member, the CSRF token) to bytes for the store, and
 * reads them back. A signed-in member carries the membership view so that what they may do is read
 * afresh at each request; the view is a part of the running process, not of the session, so it is
 * written as a marker and the reading process puts its own view in its place. An account is written
 * without its password hash.
 *
 * <p>Reading accepts only classes of Java, Spring and Learning Log (and the token library Spring's
 * OpenID Connect support keeps in a session): the bytes come from our own database, and a filter
 * keeps a changed document from naming anything else.
 */
final class SessionObjects {

    private static final ObjectInputFilter ONLY_OURS = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;java.**;org.springframework.**;org.learninglog.**;com.nimbusds.**;net.minidev.**;!*");

    private final MembershipView view;
    private final ClassLoader classes;

    SessionObjects(MembershipView view, ClassLoader classes) {
        this.view = view;
        this.classes = classes;
    }

    byte[] write(Object attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ViewAsMarker(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("A session attribute could not be written", e);
        }
        return bytes.toByteArray();
    }

    Object read(byte[] stored) {
        try (ObjectInputStream in = new MarkerAsView(new ByteArrayInputStream(stored))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("A stored session could not be read", e);
        }
    }

    /** Stands for the membership view in a stored session. */
    private enum ViewMarker implements Serializable {
        MEMBERSHIP_VIEW;

        @Serial
        private static final long serialVersionUID = 1L;
    }

    private static final class ViewAsMarker extends ObjectOutputStream {

        ViewAsMarker(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object written) {
            if (written instanceof MembershipView) {
                return ViewMarker.MEMBERSHIP_VIEW;
            }
            // No password hash is ever written to a stored session
            return written instanceof HoldsPasswordHash account ? account.withoutPasswordHash() : written;
        }
    }

    private final class MarkerAsView extends ObjectInputStream {

        MarkerAsView(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
            setObjectInputFilter(ONLY_OURS);
        }

        @Override
        protected Object resolveObject(Object read) {
            return read == ViewMarker.MEMBERSHIP_VIEW ? view : read;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass described) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(described.getName(), false, classes);
            } catch (ClassNotFoundException notOurs) {
                return super.resolveClass(described);
            }
        }
    }
}
